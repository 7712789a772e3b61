using Auth.Common.Authority;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Docs.Snippets;
using Auth.Extensions.Distributed;
using Auth.Server;
using Auth.Server.DependencyInjection;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth.DocsTests;

[TestFixture]
public sealed class ConfigurationTests
{
    [Test]
    public async Task AppSettings_BindsEveryShownValue_AndTheAppGetsTokens()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient("00000000-0000-0000-0000-00000000000b", "s3cret");

        await using var provider = Configuration.Bind("s3cret", new HttpClientNetworkClient(fake.CreateHttpClient()));

        var options = provider.GetRequiredService<IOptions<ConfidentialClientOptions>>().Value;
        options.ClientId.Should().Be("00000000-0000-0000-0000-00000000000b");
        options.ClientSecret.Should().Be("s3cret");
        options.ClientCapabilities.Should().Equal("cp1");
        options.ClockSkew.Should().Be(TimeSpan.FromMinutes(5));
        options.MaxAccessTokens.Should().Be(100_000);
        options.RetryDelay.Should().Be(TimeSpan.FromSeconds(1));
        options.CacheDialect.Should().Be(CacheDialect.MsalNet);
        provider.GetRequiredService<ManagedIdentityApplication>().Identity.Should().Be(ManagedIdentityId.FromUserAssignedClientId("11111111-2222-3333-4444-555555555555"));
        var cache = provider.GetRequiredService<IOptions<DistributedTokenCacheOptions>>().Value;
        cache.KeyPrefix.Should().Be("contoso-web:");
        cache.SlidingExpiration.Should().Be(TimeSpan.FromDays(2));
        cache.MemoryCacheDuration.Should().Be(TimeSpan.FromSeconds(30));
        var result = await provider.GetRequiredService<ConfidentialClientApplication>()
            .AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["https://graph.microsoft.com/.default"] });
        result.AccessToken.Should().NotBeNullOrEmpty();
        fake.TokenRequests.Should().ContainSingle().Which.Form["claims"].Should().Contain("cp1");
    }

    [Test]
    public void Invalid_ListsEveryProblem_InOneException()
    {
        var error = Configuration.Invalid();

        error.Should().NotBeNull();
        error!.Message.Should().StartWith("The application options have 4 problems:")
            .And.Contain("ClientId is required")
            .And.Contain("ClockSkew must be between 0 and 1 hour.")
            .And.Contain("ClientCapabilities has an empty entry.")
            .And.Contain("A client credential is required");
    }

    [Test]
    public void DependencyInjection_InvalidOptions_FailWhenResolved_WithEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddPublicClient(options => options.MaxAccessTokens = 0);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<PublicClientApplication>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(
        [
            "ClientId is required: set it to the application (client) id.",
            "MaxAccessTokens must be at least 1 (or null for no bound).",
        ]);
    }
}
