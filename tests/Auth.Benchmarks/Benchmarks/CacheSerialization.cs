using System.Text;
using Auth.Benchmarks.Fakes;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Row 5: serialize and deserialize a cache of 10,000 app access tokens (one tenant, so MSAL's
/// partition and the whole cache are the same content). Each library reads back its own output.
/// </summary>
[MemoryDiagnoser]
public class CacheSerialization
{
    public const int Tokens = 10_000;

    private Auth.Server.ConfidentialClientApplication _ours = null!;
    private ITokenCacheSerializer _msal = null!;
    private string _oursJson = null!;
    private byte[] _msalBytes = null!;

    [GlobalSetup(Targets = [nameof(OursSerialize), nameof(OursDeserialize)])]
    public void SetupOurs()
    {
        _ours = Apps.Ours(new FakeAuthorityHandler(), Apps.Tenant(0));
        _ours.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.AppTokens(0, 1, Tokens)));
        _oursJson = _ours.GetTokenCache().Serialize();
    }

    [GlobalSetup(Targets = [nameof(MsalSerialize), nameof(MsalDeserialize)])]
    public async Task SetupMsal()
    {
        (_msal, _msalBytes) = await LoadMsalAsync();
    }

    [Benchmark]
    public string OursSerialize() => _ours.GetTokenCache().Serialize();

    [Benchmark]
    public byte[] MsalSerialize() => _msal.SerializeMsalV3();

    [Benchmark]
    public void OursDeserialize() => _ours.GetTokenCache().Deserialize(_oursJson);

    [Benchmark]
    public void MsalDeserialize() => _msal.DeserializeMsalV3(_msalBytes, shouldClearExistingCache: true);

    /// <summary>Returns the serialized sizes in bytes (ours as UTF-8, MSAL as written) for the report.</summary>
    public static async Task<(int Ours, int Msal)> SizesAsync()
    {
        var bench = new CacheSerialization();
        bench.SetupOurs();
        var (_, msal) = await LoadMsalAsync();
        return (Encoding.UTF8.GetByteCount(bench._oursJson), msal.Length);
    }

    /// <summary>
    /// MSAL exposes its serializer only inside cache callbacks: capture it there (and serialize once
    /// to check the load). The benchmark then calls it directly, without a token request around it.
    /// </summary>
    private static async Task<(ITokenCacheSerializer Serializer, byte[] Bytes)> LoadMsalAsync()
    {
        var handler = new FakeAuthorityHandler();
        var app = Apps.Msal(handler, Apps.Tenant(0));
        ITokenCacheSerializer? serializer = null;
        var json = CacheJson.AppTokens(0, 1, Tokens);
        app.AppTokenCache.SetBeforeAccess(args =>
        {
            serializer ??= args.TokenCache;
            args.TokenCache.DeserializeMsalV3(json, shouldClearExistingCache: true);
        });
        await app.AcquireTokenForClient([CacheJson.AppScope(0)]).WithTenantId(Apps.Tenant(0)).ExecuteAsync();
        Workload.Expect(handler.TokenRequests == 0 && serializer is not null, "MSAL loaded the 10,000 tokens");
        app.AppTokenCache.SetBeforeAccess(null);
        var bytes = serializer!.SerializeMsalV3();
        return (serializer, bytes);
    }
}
