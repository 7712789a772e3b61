using System.Globalization;
using System.Text;

namespace Auth.Common.Errors;

/// <summary>
/// Text the authority chose (<c>error</c>, <c>error_description</c>, <c>suberror</c>, a token type, a
/// content type) made fit for exception messages, properties and log lines: no control or
/// formatting character (a CR/LF could forge a log line, a bidi override could disguise one), and a
/// bounded length (an answer may be up to the response limit, 1 MiB by default).
/// </summary>
internal static class ServerText
{
    /// <summary>The longest <c>error_description</c> kept (Entra ID's, trace and correlation ids included, stay far below).</summary>
    public const int MaxDescription = 1024;

    /// <summary>The longest code-like value kept (<c>error</c>, <c>suberror</c>, trace ids).</summary>
    public const int MaxCode = 128;

    /// <summary>
    /// Returns an OAuth code value (<c>error</c>, <c>suberror</c>) as RFC 6749 section 5.2 allows it:
    /// characters %x20-21 / %x23-5B / %x5D-7E, others replaced by <c>?</c>; at most <see cref="MaxCode"/> characters.
    /// A conforming value (<c>invalid_grant</c>) is returned as it is.
    /// </summary>
    public static string Code(string value) => Clean(value, MaxCode, static c => c is >= '\x20' and <= '\x7e' and not '"' and not '\\', '?');

    /// <summary>Returns <paramref name="value"/> with control and formatting characters replaced by spaces, cut to <paramref name="max"/> characters (marked with an ellipsis).</summary>
    public static string Text(string value, int max = MaxDescription) => Clean(value, max, static c => !IsUnsafe(c), ' ');

    /// <summary>Returns <paramref name="value"/> as <see cref="Code(string)"/> does, or null for null.</summary>
    public static string? CodeOrNull(string? value) => value is null ? null : Code(value);

    /// <summary>Returns <paramref name="value"/> as <see cref="Text(string, int)"/> does, or null for null.</summary>
    public static string? TextOrNull(string? value, int max = MaxDescription) => value is null ? null : Text(value, max);

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Clean(string value, int max, Func<char, bool> allowed, char replacement)
    {
        var cut = value.Length > max;
        var length = cut ? max - 1 : value.Length;
        if (length > 0 && char.IsHighSurrogate(value[length - 1]))
        {
            length--; // never split a surrogate pair
        }

        var clean = true;
        for (var i = 0; i < length && clean; i++)
        {
            clean = allowed(value[i]);
        }

        if (clean && !cut)
        {
            return value;
        }

        var text = new StringBuilder(length + 1);
        for (var i = 0; i < length; i++)
        {
            text.Append(allowed(value[i]) ? value[i] : replacement);
        }

        return cut ? text.Append('…').ToString() : text.ToString();
    }
}
