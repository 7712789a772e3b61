using System.Text;
using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using Auth.Common.Responses;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>Row 4: silent user-token cache hit, (accounts x tokens per account), one tenant.</summary>
[MemoryDiagnoser]
public class SilentCacheHit
{
    private readonly FakeAuthorityHandler _handler = new();
    private readonly string _tenant = Apps.Tenant(0);
    private Workload _work = null!;
    private string[][] _scopes = null!;
    private AccountInfo[] _oursAccounts = null!;
    private IAccount[] _msalAccounts = null!;
    private Auth.Server.ConfidentialClientApplication _ours = null!;
    private IConfidentialClientApplication _msal = null!;

    [Params("1x10", "10000x10")]
    public string Size { get; set; } = "1x10";

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        Prepare();
        _ours = Apps.Ours(_handler, _tenant);
        _ours.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.UserTokens(_tenant, _work.Outer, _work.Inner)));
        var all = (await _ours.GetTokenCache().GetAllAccountsAsync()).ToDictionary(a => a.HomeAccountId, StringComparer.Ordinal);
        Workload.Expect(all.Count == _work.Outer, "ours loaded every account");
        _oursAccounts = [.. _work.Picks.Select(p => all[CacheJson.HomeAccountId(p.Outer, _tenant)])];
        await Workload.ExpectHitsAsync(Ours, "user-token-", _handler);
    }

    [GlobalSetup(Target = nameof(Msal))]
    public async Task SetupMsal()
    {
        Prepare();
        _msal = Apps.Msal(_handler, _tenant);
        var json = CacheJson.UserTokens(_tenant, _work.Outer, _work.Inner);
        await Apps.LoadMsalAsync(_msal.UserTokenCache, json, () => _msal.GetAccountAsync(CacheJson.HomeAccountId(0, _tenant)));
        var byUser = new Dictionary<int, IAccount>();
        foreach (var (outer, _) in _work.Picks)
        {
            if (!byUser.ContainsKey(outer))
            {
                byUser[outer] = await _msal.GetAccountAsync(CacheJson.HomeAccountId(outer, _tenant))
                    ?? throw new InvalidOperationException("MSAL lost an account");
            }
        }

        _msalAccounts = [.. _work.Picks.Select(p => byUser[p.Outer])];
        await Workload.ExpectHitsAsync(Msal, "user-token-", _handler);
    }

    [Benchmark]
    public async Task<string> Ours()
    {
        var i = _work.NextIndex();
        var result = await _ours.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = _scopes[i], Account = _oursAccounts[i] });
        return result.AccessToken;
    }

    [Benchmark]
    public async Task<string> Msal()
    {
        var i = _work.NextIndex();
        var result = await _msal.AcquireTokenSilent(_scopes[i], _msalAccounts[i]).ExecuteAsync();
        return result.AccessToken;
    }

    private void Prepare()
    {
        _work = new Workload(Size);
        _scopes = [.. _work.Picks.Select(p => new[] { CacheJson.UserScope(p.Inner) })];
    }
}
