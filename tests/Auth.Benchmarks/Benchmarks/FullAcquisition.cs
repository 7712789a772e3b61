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
    private static readonly KeyValuePair<string, string>[] HttpForm =
        [new("grant_type", "client_credentials"), new("client_id", Apps.ClientId), new("client_secret", "s"), new("scope", CacheJson.AppScope(0))];

    private static readonly Uri TokenEndpoint = new($"{Apps.Authority(Apps.Tenant(0))}/oauth2/v2.0/token");
    private HttpClient _http = null!;
    private Auth.Server.ConfidentialClientApplication _ours = null!;
    private IConfidentialClientApplication _msal = null!;

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        _ours = Apps.Ours(_handler, _tenant);
        await Ours();
        Workload.Expect(_handler.TokenRequests == 1, "ours reached the token endpoint");
    }

    [GlobalSetup(Target = nameof(HttpOnly))]
    public void SetupHttp() => _http = new HttpClient(_handler, disposeHandler: false);

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

    /// <summary>The floor both libraries sit on: one form POST through HttpClient and the same handler, body read as a string.</summary>
    [Benchmark]
    public async Task<string> HttpOnly()
    {
        using var content = new FormUrlEncodedContent(HttpForm);
        using var response = await _http.PostAsync(TokenEndpoint, content);
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark]
    public async Task<string> Msal() =>
        (await _msal.AcquireTokenForClient(Scopes).WithForceRefresh(true).ExecuteAsync()).AccessToken;
}
