namespace Auth.Benchmarks.Fakes;

/// <summary>A fixed pseudo-random sequence of (tenant or user, scope) picks shared by ours and MSAL.</summary>
public sealed class Workload
{
    private const int Count = 1024;
    private int _next = -1;

    public Workload(string size)
    {
        var parts = size.Split('x');
        Outer = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        Inner = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(42);
        Picks = new (int, int)[Count];
        for (var i = 0; i < Count; i++)
        {
            Picks[i] = (random.Next(Outer), random.Next(Inner));
        }
    }

    /// <summary>Gets the number of tenants (or users).</summary>
    public int Outer { get; }

    /// <summary>Gets the number of tokens per tenant (or user).</summary>
    public int Inner { get; }

    public (int Outer, int Inner)[] Picks { get; }

    public int NextIndex() => (_next = (_next + 1) & (Count - 1));

    /// <summary>Checks that the first picks are answered from the cache, with no token request.</summary>
    public static async Task ExpectHitsAsync(Func<Task<string>> call, string secretPrefix, FakeAuthorityHandler handler)
    {
        for (var i = 0; i < 16; i++)
        {
            Expect((await call()).StartsWith(secretPrefix, StringComparison.Ordinal), "a cached token was returned");
        }

        Expect(handler.TokenRequests == 0, "no token request reached the handler");
    }

    /// <summary>Checks that each of the first calls sends one token request (the cached token is never used).</summary>
    public static async Task ExpectMissesAsync(Func<Task<string>> call, FakeAuthorityHandler handler)
    {
        var before = handler.TokenRequests;
        for (var i = 0; i < 16; i++)
        {
            await call();
        }

        Expect(handler.TokenRequests - before == 16, "every call sent a token request");
    }

    public static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark setup check failed: " + what);
        }
    }
}
