namespace Auth.Testing.Http;

/// <summary>Parses an <c>application/x-www-form-urlencoded</c> body (names and values percent-decoded, '+' as space).</summary>
internal static class FormBody
{
    public static bool IsFormContentType(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <param name="body">The raw body.</param>
    /// <param name="duplicate">The first parameter name that occurs more than once, if any (RFC 6749 §3.2 forbids it).</param>
    public static Dictionary<string, string> Parse(string? body, out string? duplicate)
    {
        duplicate = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(body))
        {
            return fields;
        }

        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (!fields.TryAdd(name, value))
            {
                duplicate ??= name;
            }
        }

        return fields;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
