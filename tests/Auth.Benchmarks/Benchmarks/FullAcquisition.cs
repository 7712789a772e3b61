using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>Row 6: client credentials with the cache skipped: request, fake token endpoint, parse, cache write.</summary>
[MemoryDiagnoser]
public class FullAcquisition
{
    private static readonly string[] Scopes = [CacheJson.AppScope(0)];
    private readonly FakeAuthorityHandler _handler = new();
    private readonly string _tenant = Apps.Tenant(0);
    private Auth.Server.ConfidentialClientApplication _ours = null!;
    private IConfidentialClientApplication _msal = null!;

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        _ours = Apps.Ours(_handler, _tenant);
        await Ours();
        Workload.Expect(_handler.TokenRequests == 1, "ours reached the token endpoint");
    }

    [GlobalSetup(Target = nameof(Msal))]
    public async Task SetupMsal()
    {
        _msal = Apps.Msal(_handler, _tenant);
        await Msal();
        Workload.Expect(_handler.TokenRequests == 1, "MSAL reached the token endpoint");
    }

    [Benchmark]
    public async Task<string> Ours() =>
        (await _ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, SkipCache = true })).AccessToken;

    [Benchmark]
    public async Task<string> Msal() =>
        (await _msal.AcquireTokenForClient(Scopes).WithForceRefresh(true).ExecuteAsync()).AccessToken;
}
