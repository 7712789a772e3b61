using System.Text;
using Auth.Benchmarks.Fakes;
using BenchmarkDotNet.Attributes;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>Row 1: client-credentials cache hit, plain in-memory cache, (tenants x tokens per tenant).</summary>
public class ClientCredentialCacheHit : ClientCredentialBenchmark
{
    [Params("1x10", "10000x10", "1x100000")]
    public string Size { get; set; } = "1x10";

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        Prepare(Size);
        OursApp = Apps.Ours(Handler, Apps.Tenant(0));
        OursApp.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.AppTokens(0, Work.Outer, Work.Inner)));
        await Workload.ExpectHitsAsync(Ours, "app-token-", Handler);
    }

    [GlobalSetup(Target = nameof(Msal))]
    public async Task SetupMsal()
    {
        Prepare(Size);
        MsalApp = Apps.Msal(Handler, Apps.Tenant(0));
        await Apps.LoadMsalAsync(MsalApp.AppTokenCache, CacheJson.AppTokens(0, Work.Outer, Work.Inner), Msal);
        await Workload.ExpectHitsAsync(Msal, "app-token-", Handler);
    }
}
