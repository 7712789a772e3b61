using System.Text;
using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>Row 3: OBO cache hit, (users x tokens per user), one tenant.</summary>
[MemoryDiagnoser]
public class OnBehalfOfCacheHit
{
    private readonly FakeAuthorityHandler _handler = new();
    private readonly string _tenant = Apps.Tenant(0);
    private Workload _work = null!;
    private string[][] _scopes = null!;
    private string[] _assertions = null!;
    private Auth.Server.ConfidentialClientApplication _ours = null!;
    private IConfidentialClientApplication _msal = null!;

    [Params("1x10", "10000x10")]
    public string Size { get; set; } = "1x10";

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        Prepare();
        _ours = Apps.Ours(_handler, _tenant);
        _ours.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.OboTokens(_tenant, _work.Outer, _work.Inner)));
        await Workload.ExpectHitsAsync(Ours, "obo-token-", _handler);
    }

    [GlobalSetup(Target = nameof(Msal))]
    public async Task SetupMsal()
    {
        Prepare();
        _msal = Apps.Msal(_handler, _tenant);
        await Apps.LoadMsalAsync(_msal.UserTokenCache, CacheJson.OboTokens(_tenant, _work.Outer, _work.Inner), Msal);
        await Workload.ExpectHitsAsync(Msal, "obo-token-", _handler);
    }

    [Benchmark]
    public async Task<string> Ours()
    {
        var i = _work.NextIndex();
        var result = await _ours.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = _scopes[i], OboAssertion = _assertions[i] });
        return result.AccessToken;
    }

    [Benchmark]
    public async Task<string> Msal()
    {
        var i = _work.NextIndex();
        var result = await _msal.AcquireTokenOnBehalfOf(_scopes[i], new UserAssertion(_assertions[i])).ExecuteAsync();
        return result.AccessToken;
    }

    private void Prepare()
    {
        _work = new Workload(Size);
        _scopes = [.. _work.Picks.Select(p => new[] { CacheJson.UserScope(p.Inner) })];
        _assertions = [.. _work.Picks.Select(p => CacheJson.OboAssertion(p.Outer))];
    }
}
