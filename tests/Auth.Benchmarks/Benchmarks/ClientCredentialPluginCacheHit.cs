using System.Text;
using Auth.Benchmarks.Fakes;
using BenchmarkDotNet.Attributes;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>Row 2: client-credentials cache hit with a plugin keeping each tenant partition as a serialized blob.</summary>
public class ClientCredentialPluginCacheHit : ClientCredentialBenchmark
{
    [Params("1x10", "10000x10")]
    public string Size { get; set; } = "1x10";

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        Prepare(Size);
        var plugin = new DictionaryCachePlugin();
        for (var t = 0; t < Work.Outer; t++)
        {
            plugin.Blobs[DictionaryCachePlugin.AppPartition(Apps.Tenant(t))] = Encoding.UTF8.GetString(CacheJson.AppTokens(t, 1, Work.Inner));
        }

        OursApp = Apps.Ours(Handler, Apps.Tenant(0), plugin);
        await Workload.ExpectHitsAsync(Ours, "app-token-", Handler);
    }

    [GlobalSetup(Target = nameof(Msal))]
    public async Task SetupMsal()
    {
        Prepare(Size);
        MsalApp = Apps.Msal(Handler, Apps.Tenant(0));
        var blobs = DictionaryCachePlugin.AttachMsal(MsalApp.AppTokenCache);
        for (var t = 0; t < Work.Outer; t++)
        {
            blobs[DictionaryCachePlugin.AppPartition(Apps.Tenant(t))] = CacheJson.AppTokens(t, 1, Work.Inner);
        }

        await Workload.ExpectHitsAsync(Msal, "app-token-", Handler);
    }
}
