using Auth.Common.Requests;
using Auth.Server;

namespace Auth.IntegrationTests.Load;

/// <summary>
/// One round of client-credential traffic: every caller of every tenant asks for the same scope at a random moment
/// within <see cref="Spread"/>, all at once; each call is given <see cref="HangTimeout"/> to end.
/// </summary>
internal sealed class ClientCredentialLoad(ConfidentialClientApplication app, IReadOnlyList<string> tenantAuthorities, int callersPerTenant)
{
    public static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan Spread = TimeSpan.FromMilliseconds(1500);

    public static readonly string[] Scopes = ["api://load/.default"];

    public async Task<RoundOutcome> RunAsync(int seed)
    {
        var outcome = new RoundOutcome();
        var random = new Random(seed);
        var calls = new List<Task>(tenantAuthorities.Count * callersPerTenant);
        var started = TimeProvider.System.GetTimestamp();
        foreach (var authority in tenantAuthorities)
        {
            var tenant = authority[(authority.LastIndexOf('/') + 1)..];
            for (var caller = 0; caller < callersPerTenant; caller++)
            {
                var delay = Spread * random.NextDouble();
                calls.Add(Task.Run(() => CallAsync(authority, tenant, delay, outcome)));
            }
        }

        await Task.WhenAll(calls);
        outcome.WallTime = TimeProvider.System.GetElapsedTime(started);
        return outcome;
    }

    private async Task CallAsync(string authority, string tenant, TimeSpan delay, RoundOutcome outcome)
    {
        try
        {
            await Task.Delay(delay, TimeProvider.System);
            var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = authority })
                .WaitAsync(HangTimeout, TimeProvider.System);
            outcome.Token(result, tenant);
        }
        catch (Exception ex)
        {
            outcome.Failed(ex);
        }
    }
}
