using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Rows 8 and 9: client credentials for one tenant and one scope through each library's distributed
/// token cache (<see cref="RedisApps"/>) over a real redis-server that each setup starts and each
/// cleanup kills. The subclass sets the token lifetime and how far our app's clock moves per call, and
/// checks how many token requests the calls make: after setup on the first calls, and at cleanup
/// on every measured call.
/// </summary>
[MemoryDiagnoser]
public abstract class DistributedRedisBenchmark
{
    private static readonly string[] Scopes = [CacheJson.AppScope(0)];

    private readonly SteppedClock _clock = new();
    private readonly List<IDisposable> _owned = [];
    private long _calls;

    protected FakeAuthorityHandler Handler { get; } = new();

    /// <summary>Gets the server of the current case (<c>Reporting/RedisCommandsPerCall</c> connects to it).</summary>
    public RedisServerProcess? Server { get; private set; }

    protected Auth.Server.ConfidentialClientApplication OursApp { get; private set; } = null!;

    protected IConfidentialClientApplication MsalApp { get; private set; } = null!;

    /// <summary>Gets the row's name for console notes (BenchmarkDotNet runs a generated subclass).</summary>
    protected abstract string Row { get; }

    /// <summary>Gets the expires_in the fake token endpoint answers with.</summary>
    protected abstract int ExpiresIn { get; }

    /// <summary>Gets how far our app's clock moves before each call (MSAL.NET takes no clock).</summary>
    protected abstract TimeSpan OursClockStep { get; }

    [Benchmark]
    public async Task<string> Ours()
    {
        _calls++;
        _clock.Step(OursClockStep);
        var result = await OursApp.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });
        return result.AccessToken;
    }

    [Benchmark]
    public async Task<string> Msal()
    {
        _calls++;
        var result = await MsalApp.AcquireTokenForClient(Scopes).ExecuteAsync();
        return result.AccessToken;
    }

    [GlobalSetup(Target = nameof(Ours))]
    public Task SetupOurs() => SetupAsync(
        server =>
        {
            OursApp = RedisApps.Ours(Handler, server, _clock, out var cache);
            _owned.Add(cache);
        },
        Ours);

    [GlobalSetup(Target = nameof(Msal))]
    public Task SetupMsal() => SetupAsync(
        server =>
        {
            MsalApp = RedisApps.Msal(Handler, server, out var cache, out var services);
            _owned.AddRange([services, cache]);
        },
        Msal);

    /// <summary>Checks the token requests of every measured call, then closes the client and kills the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        var (calls, requests, discovery) = (_calls, Handler.TokenRequests, Handler.DiscoveryRequests);
        Stop();
        Console.WriteLine($"// {Row}: {calls:N0} calls after setup, {requests:N0} token requests, {discovery:N0} discovery requests");
        Workload.Expect(requests == ExpectedTokenRequests(calls), $"{calls:N0} calls after setup made {ExpectedTokenRequests(calls):N0} token requests (they made {requests:N0})");
    }

    /// <summary>Gets how many token requests <paramref name="calls"/> calls after setup should make.</summary>
    protected abstract long ExpectedTokenRequests(long calls);

    /// <summary>Checks the first calls after the cache was filled (the handler's counts start at 0).</summary>
    protected abstract Task CheckAsync(Func<Task<string>> acquire);

    /// <summary>Starts the server, builds the app, fills the cache with one call and runs the check; counts then start at 0.</summary>
    private async Task SetupAsync(Action<RedisServerProcess> build, Func<Task<string>> call)
    {
        Handler.ExpiresIn = ExpiresIn;
        Server = await RedisServerProcess.StartAsync();
        try
        {
            build(Server);
            await call();
            Workload.Expect(Handler.TokenRequests == 1, $"the first call requested a token (requests: {Handler.TokenRequests})");
            Handler.Reset();
            await CheckAsync(call);
        }
        catch
        {
            Stop();
            throw;
        }

        Handler.Reset();
        _calls = 0;
    }

    private void Stop()
    {
        _owned.ForEach(d => d.Dispose());
        _owned.Clear();
        Server?.Dispose();
        Server = null;
    }
}
