using Auth.Common.Errors;

namespace Auth.Common.Challenges;

/// <summary>
/// Reads the challenges of a <c>WWW-Authenticate</c> header value (RFC 9110 section 11.6.1):
/// <c>scheme [ token68 | param=(token|"quoted"), … ], scheme …</c>. Commas and escaped quotes inside
/// quoted strings are part of the value; a comma-separated token not followed by <c>=</c> starts the
/// next challenge. Unquoted values are read up to the next comma or space, so unquoted base64 with
/// padding is kept whole. A value that cannot be read throws <see cref="AuthErrorCodes.InvalidClaimsChallenge"/>.
/// </summary>
internal static class WwwAuthenticateParser
{
    public static List<AuthenticationChallenge> Parse(string header)
    {
        var challenges = new List<AuthenticationChallenge>();
        var reader = new ChallengeReader(header);
        Builder? current = null;
        while (true)
        {
            reader.SkipSeparators();
            if (reader.AtEnd)
            {
                break;
            }

            var start = reader.Position;
            var name = reader.ReadToken();
            if (name.Length == 0)
            {
                throw Malformed($"unexpected '{header[start]}' at position {start}");
            }

            reader.SkipWhitespace();
            if (current is not null && reader.Peek == '=')
            {
                reader.Advance();
                reader.SkipWhitespace();
                current.Add(name, reader.Peek == '"' ? reader.ReadQuoted() : reader.ReadBareValue());
                continue;
            }

            if (reader.Peek == '=')
            {
                throw Malformed($"the parameter '{name}' comes before any auth scheme");
            }

            if (current is not null)
            {
                challenges.Add(current.Build());
            }

            current = new Builder(name) { Token68 = reader.TryReadToken68() };
        }

        if (current is not null)
        {
            challenges.Add(current.Build());
        }

        return challenges;
    }

    internal static AuthClientException Malformed(string detail) =>
        new(AuthErrorCodes.InvalidClaimsChallenge, $"The WWW-Authenticate header could not be read: {detail}. The resource sent a malformed challenge.");

    private sealed class Builder(string scheme)
    {
        private readonly Dictionary<string, string> _parameters = new(StringComparer.OrdinalIgnoreCase);

        public string? Token68 { get; init; }

        public void Add(string name, string value) => _parameters.TryAdd(name, value);

        public AuthenticationChallenge Build() => new(scheme, _parameters, Token68);
    }
}
