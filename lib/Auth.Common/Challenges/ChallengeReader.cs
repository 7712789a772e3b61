using System.Text;

namespace Auth.Common.Challenges;

/// <summary>A cursor over one header value with the lexical rules of RFC 9110 (tokens, quoted strings, token68).</summary>
internal ref struct ChallengeReader
{
    private readonly string _text;

    public ChallengeReader(string text) => _text = text;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _text.Length;

    /// <summary>Gets the current character, or '\0' at the end.</summary>
    public readonly char Peek => AtEnd ? '\0' : _text[Position];

    public void Advance() => Position++;

    public void SkipWhitespace()
    {
        while (!AtEnd && IsWhitespace(_text[Position]))
        {
            Position++;
        }
    }

    /// <summary>Skips whitespace and the commas between list elements (empty elements are allowed).</summary>
    public void SkipSeparators()
    {
        while (!AtEnd && (IsWhitespace(_text[Position]) || _text[Position] == ','))
        {
            Position++;
        }
    }

    /// <summary>Reads a token (tchar run); empty when the current character is not a tchar.</summary>
    public string ReadToken()
    {
        var start = Position;
        while (!AtEnd && IsTokenChar(_text[Position]))
        {
            Position++;
        }

        return _text[start..Position];
    }

    /// <summary>Reads a quoted string (the cursor is on its opening quote), undoing backslash escapes.</summary>
    public string ReadQuoted()
    {
        var start = Position;
        Position++;
        var value = new StringBuilder();
        while (!AtEnd)
        {
            var c = _text[Position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\')
            {
                if (AtEnd)
                {
                    break;
                }

                c = _text[Position++];
            }

            value.Append(c);
        }

        throw WwwAuthenticateParser.Malformed($"the quoted string at position {start} is not terminated");
    }

    /// <summary>Reads an unquoted parameter value: everything up to the next comma, whitespace or end.</summary>
    public string ReadBareValue()
    {
        var start = Position;
        while (!AtEnd && _text[Position] != ',' && !IsWhitespace(_text[Position]))
        {
            if (_text[Position] == '"')
            {
                throw WwwAuthenticateParser.Malformed($"unexpected '\"' at position {Position}");
            }

            Position++;
        }

        return _text[start..Position];
    }

    /// <summary>
    /// Reads a token68 when one follows the scheme (<c>1*(ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/") *"="</c>,
    /// then the end or a comma); otherwise leaves the cursor where it was and returns null (parameters follow).
    /// </summary>
    public string? TryReadToken68()
    {
        var start = Position;
        var end = start;
        while (end < _text.Length && IsToken68Char(_text[end]))
        {
            end++;
        }

        if (end == start)
        {
            return null;
        }

        while (end < _text.Length && _text[end] == '=')
        {
            end++;
        }

        var next = end;
        while (next < _text.Length && IsWhitespace(_text[next]))
        {
            next++;
        }

        if (next < _text.Length && _text[next] != ',')
        {
            return null;
        }

        Position = next;
        return _text[start..end];
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t';

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static bool IsToken68Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/';
}
