using System.Globalization;

namespace Auth.FuzzTests.Harness;

/// <summary>
/// How long each fuzz target runs: <c>AUTH_FUZZ_SECONDS</c> (set by <c>build/fuzz.sh</c>), or a
/// few seconds by default so <c>build/test.sh</c> stays quick. <c>AUTH_FUZZ_SEED</c> replays one
/// CsCheck seed printed by an earlier failure.
/// </summary>
internal static class FuzzBudget
{
    public const int DefaultSeconds = 3;

    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("AUTH_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : DefaultSeconds;

    public static string? Seed => Environment.GetEnvironmentVariable("AUTH_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;
}
