namespace Auth.Common.Challenges;

/// <summary>One challenge of a <c>WWW-Authenticate</c> header (RFC 9110 section 11.6.1): a scheme and its parameters, or a token68.</summary>
/// <param name="Scheme">The auth scheme as sent, for example <c>Bearer</c> or <c>PoP</c>.</param>
/// <param name="Parameters">The auth-params; names compare case-insensitively, the first of a repeated name wins.</param>
/// <param name="Token68">The token68 form's value (for example <c>Negotiate abc==</c>), or null.</param>
internal sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters, string? Token68)
{
    /// <summary>Returns the parameter <paramref name="name"/>, or null.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
