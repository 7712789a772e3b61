using System.Text;

namespace Auth.Server.Interactive;

/// <summary>
/// Parses the head of an HTTP/1.x request the browser sends to the loopback listener: the request
/// line and the headers, with hard size limits. Never throws on bad input; returns null instead.
/// </summary>
internal static class LoopbackRequestParser
{
    /// <summary>The largest request head accepted (request line + headers).</summary>
    public const int MaxHeadBytes = 16 * 1024;

    /// <summary>Returns the index just past the blank line ending the head, or -1 if it is not complete yet.</summary>
    public static int FindHeadEnd(ReadOnlySpan<byte> buffer)
    {
        var end = buffer.IndexOf("\r\n\r\n"u8);
        return end < 0 ? -1 : end + 4;
    }

    /// <summary>Parses the request line of <paramref name="head"/>; null when it is not a well-formed HTTP/1.x request line.</summary>
    public static LoopbackRequest? Parse(ReadOnlySpan<byte> head)
    {
        if (head.Length > MaxHeadBytes)
        {
            return null;
        }

        var lineEnd = head.IndexOf("\r\n"u8);
        var line = lineEnd < 0 ? head : head[..lineEnd];
        var text = Encoding.ASCII.GetString(line);
        var parts = text.Split(' ');
        if (parts.Length != 3 || parts[0].Length is 0 or > 16 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !parts[1].StartsWith('/') || parts[1].Any(char.IsControl))
        {
            return null;
        }

        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        return new LoopbackRequest(parts[0], path, ParseQuery(query));
    }

    /// <summary>Decodes an application/x-www-form-urlencoded query; a repeated name keeps its first value.</summary>
    public static IReadOnlyDictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (name is not null && value is not null)
            {
                result.TryAdd(name, value);
            }
        }

        return result;
    }

    private static string? Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
