using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;
using BenchmarkDotNet.Attributes;
using Microsoft.Identity.Client;
using OursApplication = Auth.Server.ManagedIdentityApplication;
using OursSource = Auth.Common.Responses.TokenSource;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Row 10: managed identity cache hit, App Service source, system-assigned identity, one resource. Both libraries reach
/// the in-process <see cref="AppServiceIdentityEndpoint"/> once, to fill the cache; every measured call is a hit.
/// Ours reads the environment from <see cref="ManagedIdentityPlatform"/>'s dictionary; MSAL.NET reads the process's.
/// </summary>
[MemoryDiagnoser]
public class ManagedIdentityCacheHit
{
    public const string Resource = "https://management.azure.com";

    private readonly AppServiceIdentityEndpoint _endpoint = new();
    private readonly ManagedIdentityRequest _request = new() { Resource = Resource };
    private OursApplication _ours = null!;
    private IManagedIdentityApplication _msal = null!;

    [GlobalSetup(Target = nameof(Ours))]
    public async Task SetupOurs()
    {
        _ours = new OursApplication(new ManagedIdentityOptions
        {
            NetworkClient = new HttpClientNetworkClient(new HttpClient(_endpoint, disposeHandler: false)),
            Platform = new ManagedIdentityPlatform(AppServiceIdentityEndpoint.Environment),
        });
        Workload.Expect(_ours.GetManagedIdentitySource() == Auth.Common.ManagedIdentity.ManagedIdentitySource.AppService, "ours detected App Service");
        await _ours.AcquireTokenForManagedIdentityAsync(_request);
        var second = await _ours.AcquireTokenForManagedIdentityAsync(_request);
        Workload.Expect(second.Source == OursSource.Cache, "ours served the second call from the cache");
        Workload.Expect(_endpoint.Requests == 1, "ours sent one request to the identity endpoint");
    }

    [GlobalSetup(Target = nameof(Msal))]
    public async Task SetupMsal()
    {
        foreach (var (name, value) in AppServiceIdentityEndpoint.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _msal = ManagedIdentityApplicationBuilder.Create(Microsoft.Identity.Client.AppConfig.ManagedIdentityId.SystemAssigned)
            .WithHttpClientFactory(new SingleHttpClientFactory(new HttpClient(_endpoint, disposeHandler: false)))
            .Build();
        await Msal();
        var second = await _msal.AcquireTokenForManagedIdentity(Resource).ExecuteAsync();
        Workload.Expect(second.AuthenticationResultMetadata.TokenSource == TokenSource.Cache, "MSAL.NET served the second call from the cache");

        // MSAL.NET's managed identity cache is process-wide (CacheOptions.EnableSharedCacheOptions): at most one request.
        Workload.Expect(_endpoint.Requests <= 1, "MSAL.NET sent at most one request to the identity endpoint");
    }

    [GlobalCleanup(Target = nameof(Msal))]
    public void CleanupMsal()
    {
        foreach (var name in AppServiceIdentityEndpoint.Environment.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Benchmark]
    public async Task<string> Ours() => (await _ours.AcquireTokenForManagedIdentityAsync(_request)).AccessToken;

    [Benchmark]
    public async Task<string> Msal() => (await _msal.AcquireTokenForManagedIdentity(Resource).ExecuteAsync()).AccessToken;

    private sealed class SingleHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
