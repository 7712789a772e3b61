using System.Text;
using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Rows 1a and 1b: the common daemon. One app for one tenant, the authority set once on the app and
/// none per request, a cache of 1 × N app tokens written the way each library writes its own.
/// The subclasses say which authority; the loop mode (<c>--loop</c>) drives the same setup and calls.
/// </summary>
[MemoryDiagnoser]
public abstract class SingleTenantBenchmark
{
    private string[][] _scopes = null!;

    [Params("1x10", "1x100000")]
    public string Size { get; set; } = "1x10";

    protected FakeAuthorityHandler Handler { get; } = new();

    protected Workload Work { get; private set; } = null!;

    protected Auth.Server.ConfidentialClientApplication OursApp { get; private set; } = null!;

    protected IConfidentialClientApplication MsalApp { get; private set; } = null!;

    /// <summary>Gets the cache environment ours writes for this authority.</summary>
    protected abstract string OursEnvironment { get; }

    /// <summary>Gets the cache environment MSAL.NET (as <see cref="Apps"/> builds it) writes for this authority.</summary>
    protected abstract string MsalEnvironment { get; }

    /// <summary>Gets the realm both write: the tenant, or empty for a generic OIDC authority.</summary>
    protected abstract string Realm { get; }

    [Benchmark]
    public async Task<string> Ours()
    {
        var result = await OursApp.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = _scopes[Work.NextIndex()] });
        return result.AccessToken;
    }

    [Benchmark]
    public async Task<string> Msal()
    {
        var result = await MsalApp.AcquireTokenForClient(_scopes[Work.NextIndex()]).ExecuteAsync();
        return result.AccessToken;
    }

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        Prepare();
        OursApp = CreateOurs(Handler);
        OursApp.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.SingleTenantAppTokens(OursEnvironment, Realm, Work.Inner)));
        await Workload.ExpectHitsAsync(Ours, "app-token-", Handler);
    }

    [GlobalSetup(Target = nameof(Msal))]
    public async Task SetupMsal()
    {
        Prepare();
        MsalApp = CreateMsal(Handler);
        await Apps.LoadMsalAsync(MsalApp.AppTokenCache, CacheJson.SingleTenantAppTokens(MsalEnvironment, Realm, Work.Inner), Msal);
        await Workload.ExpectHitsAsync(Msal, "app-token-", Handler);
    }

    protected abstract Auth.Server.ConfidentialClientApplication CreateOurs(FakeAuthorityHandler handler);

    protected abstract IConfidentialClientApplication CreateMsal(FakeAuthorityHandler handler);

    private void Prepare()
    {
        Work = new Workload(Size);
        Workload.Expect(Work.Outer == 1, "a single-tenant size is 1 x tokens");
        _scopes = [.. Work.Picks.Select(p => new[] { CacheJson.AppScope(p.Inner) })];
    }
}
