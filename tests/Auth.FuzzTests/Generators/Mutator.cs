using System.Text;
using CsCheck;

namespace Auth.FuzzTests.Generators;

/// <summary>
/// Mutates valid samples the way a byte-level fuzzer would: flips, inserts, deletes, duplicates,
/// truncates, and splices in tokens of the input's own grammar (a dictionary). Each mutation is
/// driven by one generated number, so CsCheck shrinks a failing input to fewer, simpler mutations.
/// </summary>
internal sealed class Mutator
{
    private const int MaxLength = 256 * 1024;

    private static readonly string[] Generic =
    [
        "\0", "\r\n", "\n", "\t", " ", "\"", "\\", "'", "%", "%00", "%zz", "%%", "\uFFFD", "\uD800", "\uDFFF", "\u202E", "é", "𝄞",
        "-1", "0", "1e999", "-9223372036854775809", "9223372036854775807", "253402300800", "NaN", "null", "true", "[]", "{}",
    ];

    private readonly string[] _dictionary;

    public Mutator(params string[] dictionary) => _dictionary = [.. dictionary, .. Generic];

    /// <summary>One of <paramref name="seeds"/> with up to <paramref name="maxMutations"/> mutations.</summary>
    public Gen<string> Mutate(IReadOnlyList<string> seeds, int maxMutations = 12) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.UInt.Array[0, maxMutations], (index, ops) => Apply(seeds[index], ops));

    public string Apply(string seed, uint[] ops)
    {
        var text = new StringBuilder(seed);
        foreach (var op in ops)
        {
            Apply(text, op);
            if (text.Length > MaxLength)
            {
                text.Length = MaxLength;
            }
        }

        return text.ToString();
    }

    private void Apply(StringBuilder text, uint op)
    {
        var kind = op & 7;
        var arg = (int)(op >> 3);
        var at = text.Length == 0 ? 0 : arg % (text.Length + 1);
        var token = _dictionary[arg % _dictionary.Length];
        var span = 1 + ((arg >> 8) % 64);
        switch (kind)
        {
            case 0 when at < text.Length:
                text[at] = (char)(arg & 0xFFFF);
                break;
            case 1:
                text.Insert(at, token);
                break;
            case 2:
                text.Remove(at, Math.Min(span, text.Length - at));
                break;
            case 3:
                text.Insert(at, text.ToString(at, Math.Min(span, text.Length - at)));
                break;
            case 4:
                text.Length = at;
                break;
            case 5:
                text.Insert(at, (char)(arg & 0x7F));
                break;
            case 6:
                text.Insert(at, string.Concat(Enumerable.Repeat(token, 1 << ((arg >> 4) % 14))));
                break;
            default:
                text.Remove(at, Math.Min(span, text.Length - at)).Insert(at, token);
                break;
        }
    }
}
