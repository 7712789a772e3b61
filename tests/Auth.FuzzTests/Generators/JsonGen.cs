using System.Globalization;
using System.Text;
using CsCheck;

namespace Auth.FuzzTests.Generators;

/// <summary>
/// Structure-aware JSON: objects whose properties are the fields a parser looks for, each given a
/// value of any type (right, wrong, null, huge, deeply nested), plus unknown fields.
/// </summary>
internal static class JsonGen
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 40].Select(chars => new string(chars)),
        Gen.Const("Bearer"),
        Gen.Const(string.Empty),
        Gen.Int[1, 200_000].Select(n => new string('x', n)));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e308"),
        Gen.OneOf(Gen.Const("0"), Gen.Const("-0"), Gen.Const("1e400"), Gen.Const("123456789012345678901234567890"), Gen.Const("3599.5")));

    /// <summary>A JSON value of any kind, nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<string> Value(int depth = 3)
    {
        var scalar = Gen.Frequency(
            (4, Text.Select(Quote)),
            (3, Number),
            (1, Gen.Const("null")),
            (1, Gen.Bool.Select(b => b ? "true" : "false")),
            (1, Number.Select(Quote)));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = Value(depth - 1);
        return Gen.Frequency(
            (6, scalar),
            (1, inner.Array[0, 4].Select(items => "[" + string.Join(',', items) + "]")),
            (1, Gen.Select(Text, inner).Array[0, 4].Select(Object)),
            (1, Gen.Int[1, 5000].Select(n => new string('[', n) + new string(']', n))));
    }

    /// <summary>An object with a random subset of <paramref name="fields"/> (and some unknown ones), each with a random value.</summary>
    public static Gen<string> ObjectOf(IReadOnlyList<string> fields, Gen<string>? value = null)
    {
        var v = value ?? Value();
        var known = Gen.Select(Gen.Int[0, fields.Count - 1], v, (i, val) => (fields[i], val));
        var unknown = Gen.Select(Text, v);
        return Gen.Frequency((5, known), (1, unknown)).Array[0, fields.Count + 2].Select(Object);
    }

    /// <summary>
    /// A valid object with a few of its fields replaced by another value, removed, or repeated:
    /// the inputs that get past the first checks and reach the code behind them.
    /// </summary>
    public static Gen<string> Vary((string Name, string Value)[] valid, Gen<string> value) =>
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 3], value).Array[1, 3].Select(edits =>
        {
            var fields = valid.ToList();
            foreach (var (index, kind, replacement) in edits)
            {
                var at = Math.Min(index, fields.Count - 1);
                if (at < 0)
                {
                    break;
                }

                switch (kind)
                {
                    case 0:
                        fields.RemoveAt(at);
                        break;
                    case 1:
                        fields.Add((fields[at].Name, replacement));
                        break;
                    default:
                        fields[at] = (fields[at].Name, replacement);
                        break;
                }
            }

            return Object([.. fields]);
        });

    /// <summary>A JSON string literal; every character outside printable ASCII is a \\u escape (lone surrogates included).</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c is '"' or '\\' or < ' ' or > '~'
                ? json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")
                : json.Append(c);
        }

        return json.Append('"').ToString();
    }

    public static string Object((string Name, string Value)[] properties)
    {
        var json = new StringBuilder("{");
        foreach (var (name, value) in properties)
        {
            json.Append(json.Length > 1 ? "," : string.Empty).Append(Quote(name)).Append(':').Append(value);
        }

        return json.Append('}').ToString();
    }
}
