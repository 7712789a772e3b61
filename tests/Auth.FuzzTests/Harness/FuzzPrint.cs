using Auth.FuzzTests.Generators;

namespace Auth.FuzzTests.Harness;

/// <summary>Prints a failing input so it can be pasted into a regression test: a C# string literal body, capped.</summary>
internal static class FuzzPrint
{
    private const int MaxChars = 4000;

    public static string Text(string input)
    {
        var quoted = JsonGen.Quote(input.Length > MaxChars ? input[..MaxChars] : input);
        return input.Length > MaxChars ? $"{quoted} (first {MaxChars} of {input.Length} chars)" : quoted;
    }
}
