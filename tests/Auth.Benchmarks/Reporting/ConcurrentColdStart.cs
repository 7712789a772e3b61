using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;

namespace Auth.Benchmarks.Reporting;

/// <summary>Row 7: 1,000 concurrent callers on one cold app token; counts the token requests that reach the handler.</summary>
public static class ConcurrentColdStart
{
    public const int Callers = 1000;
    private static readonly string[] Scopes = [CacheJson.AppScope(0)];

    public static async Task<(int Ours, int Msal)> RunAsync()
    {
        var tenant = Apps.Tenant(0);
        var oursHandler = new FakeAuthorityHandler { TokenDelay = TimeSpan.FromMilliseconds(200) };
        var ours = Apps.Ours(oursHandler, tenant);
        await RunCallersAsync(() => ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes }));

        var msalHandler = new FakeAuthorityHandler { TokenDelay = TimeSpan.FromMilliseconds(200) };
        var msal = Apps.Msal(msalHandler, tenant);
        await RunCallersAsync(() => msal.AcquireTokenForClient(Scopes).ExecuteAsync());

        return (oursHandler.TokenRequests, msalHandler.TokenRequests);
    }

    private static async Task RunCallersAsync(Func<Task> call)
    {
        // The token endpoint answers after 200 ms, so all 1,000 calls are in flight before the first answer.
        var tasks = Enumerable.Range(0, Callers).Select(_ => Task.Run(call)).ToArray();
        await Task.WhenAll(tasks);
    }
}
