namespace Auth.IntegrationTests.Logging;

/// <summary>
/// Finds secrets in text: the whole value, its URL-encoded form, a JWT's signature segment alone, and the tail of a
/// long value (so a truncated or re-wrapped token is still caught).
/// </summary>
internal static class SecretLeakScanner
{
    private const int TailLength = 24;

    /// <summary>Returns one line per secret found in a surface: kind, which form of it, and where.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<(SecretKind Kind, string Value)> secrets, IEnumerable<(string Surface, string Text)> surfaces)
    {
        var texts = surfaces.ToList();
        var leaks = new List<string>();
        foreach (var (kind, value) in secrets.Distinct())
        {
            foreach (var (form, needle) in Forms(value))
            {
                foreach (var (surface, text) in texts.Where(t => t.Text.Contains(needle, StringComparison.Ordinal)))
                {
                    leaks.Add($"{kind} ({form}) in {surface}: {Excerpt(text, needle)}");
                }
            }
        }

        return leaks;
    }

    private static IEnumerable<(string Form, string Needle)> Forms(string value)
    {
        yield return ("whole", value);
        if (Uri.EscapeDataString(value) is var escaped && escaped != value)
        {
            yield return ("URL-encoded", escaped);
        }

        if (value.Split('.') is [_, _, { Length: >= 16 } signature])
        {
            yield return ("JWT signature", signature);
        }

        if (value.Length >= TailLength + 8)
        {
            yield return ("tail", value[^TailLength..]);
        }
    }

    private static string Excerpt(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        var start = Math.Max(0, at - 60);
        return text[start..Math.Min(text.Length, at + needle.Length + 20)].ReplaceLineEndings(" ");
    }
}
