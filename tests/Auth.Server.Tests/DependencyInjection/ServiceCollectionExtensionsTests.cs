using System.Net;
using System.Text;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Requests;
using Auth.Server.DependencyInjection;
using Auth.Server.Network;
using Auth.Server.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth.Server.Tests.DependencyInjection;

[TestFixture]
public sealed class ServiceCollectionExtensionsTests
{
    private const string Metadata = """
        {"issuer":"https://idp.example.com/realms/demo","token_endpoint":"https://idp.example.com/realms/demo/token"}
        """;

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Test]
    public void AddConfidentialClient_FromJsonSection_BindsEveryOption()
    {
        var configuration = Json("""
            {"Auth":{"ClientId":"c1","Authority":"https://idp.example.com/realms/demo","ProtocolMode":"Oidc","ClientSecret":"s3cret",
                     "ClientCapabilities":["cp1"],"KnownAuthorities":["idp.example.com"],"EnablePiiLogging":true,"ClockSkew":"00:02:00"}}
            """);
        var services = new ServiceCollection().AddConfidentialClient(configuration.GetSection("Auth"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConfidentialClientOptions>>().Value;
        var app = provider.GetRequiredService<ConfidentialClientApplication>();

        options.ClientId.Should().Be("c1");
        options.ProtocolMode.Should().Be(ProtocolMode.Oidc);
        options.ClientSecret.Should().Be("s3cret");
        options.ClientCapabilities.Should().Equal("cp1");
        options.KnownAuthorities.Should().Equal("idp.example.com");
        options.EnablePiiLogging.Should().BeTrue();
        options.ClockSkew.Should().Be(TimeSpan.FromMinutes(2));
        app.Should().BeSameAs(provider.GetRequiredService<ConfidentialClientApplication>());
    }

    [Test]
    public void AddConfidentialClient_InvalidOptions_FailAtStartWithEveryProblem()
    {
        var services = new ServiceCollection().AddConfidentialClient(Json("""{"Auth":{"Authority":"not a url"}}""").GetSection("Auth"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().HaveCount(3);
        failures.Should().Contain(f => f.Contains("ClientId", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("credential", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("authority", StringComparison.OrdinalIgnoreCase));
    }

    [Test]
    public async Task AddConfidentialClient_UsesTheContainersHttpClientFactoryAndCachePlugin()
    {
        var handler = new StubHandler((request, _) => request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"token_type":"Bearer","expires_in":3600,"access_token":"from-factory"}""") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Metadata) });
        var plugin = new CountingPlugin();
        var services = new ServiceCollection()
            .AddSingleton<ITokenCachePlugin>(plugin)
            .AddConfidentialClient(o =>
            {
                o.ClientId = "c1";
                o.Authority = "https://idp.example.com/realms/demo";
                o.ProtocolMode = ProtocolMode.Oidc;
                o.ClientSecret = "s";
            });
        services.AddHttpClient(HttpClientNetworkClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ConfidentialClientApplication>()
            .AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });

        result.AccessToken.Should().Be("from-factory");
        handler.Requests.Should().HaveCount(2);
        plugin.Calls.Should().BeGreaterThan(0);
    }

    [Test]
    public void AddPublicClient_FromDelegate_ResolvesASingleton()
    {
        var services = new ServiceCollection().AddPublicClient(o =>
        {
            o.ClientId = "p1";
            o.Authority = "https://login.microsoftonline.com/common";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<PublicClientApplication>().Should().BeSameAs(provider.GetRequiredService<PublicClientApplication>());
    }

    private sealed class CountingPlugin : ITokenCachePlugin
    {
        private int _calls;

        public int Calls => _calls;

        public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.CompletedTask;
        }

        public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
