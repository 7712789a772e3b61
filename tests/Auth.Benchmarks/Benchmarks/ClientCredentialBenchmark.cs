using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>The measured calls of rows 1 and 2: a client-credentials request for a picked tenant and scope.</summary>
[MemoryDiagnoser]
public abstract class ClientCredentialBenchmark
{
    private string[][] _scopes = null!;
    private string[] _tenants = null!;
    private string[] _authorities = null!;

    protected FakeAuthorityHandler Handler { get; } = new();

    protected Workload Work { get; private set; } = null!;

    protected Auth.Server.ConfidentialClientApplication OursApp { get; set; } = null!;

    protected IConfidentialClientApplication MsalApp { get; set; } = null!;

    [Benchmark]
    public async Task<string> Ours()
    {
        var i = Work.NextIndex();
        var result = await OursApp.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = _scopes[i], Authority = _authorities[i] });
        return result.AccessToken;
    }

    [Benchmark]
    public async Task<string> Msal()
    {
        var i = Work.NextIndex();
        var result = await MsalApp.AcquireTokenForClient(_scopes[i]).WithTenantId(_tenants[i]).ExecuteAsync();
        return result.AccessToken;
    }

    protected void Prepare(string size)
    {
        Work = new Workload(size);
        _scopes = [.. Work.Picks.Select(p => new[] { CacheJson.AppScope(p.Inner) })];
        _tenants = [.. Work.Picks.Select(p => Apps.Tenant(p.Outer))];
        _authorities = [.. _tenants.Select(Apps.Authority)];
    }
}
