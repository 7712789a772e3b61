using Auth.Common.Errors;
using Auth.Server.Tests.TestDoubles;

namespace Auth.Server.Tests.Applications;

[TestFixture]
public sealed class ConfidentialClientOptionsTests
{
    [Test]
    public void Constructor_HttpAuthority_IsInsecureAuthority()
    {
        var options = new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "http://login.microsoftonline.com/t1",
            ClientCredential = ClientCredential.FromSecret("s"),
        };

        var act = () => new ConfidentialClientApplication(options);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InsecureAuthority);
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Constructor_MaxAccessTokensBelowOne_IsInvalidConfiguration(int max)
    {
        var options = new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "https://login.microsoftonline.com/t1",
            ClientSecret = "s",
            MaxAccessTokens = max,
        };

        var act = () => new ConfidentialClientApplication(options);

        var error = act.Should().Throw<AuthClientException>().Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidConfiguration);
        error.Message.Should().Contain("MaxAccessTokens");
    }

    [Test]
    public void Constructor_UndefinedCacheDialect_IsInvalidConfiguration()
    {
        var options = new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "https://login.microsoftonline.com/t1",
            ClientSecret = "s",
            CacheDialect = (Auth.Common.Authority.CacheDialect)7,
        };

        var act = () => new ConfidentialClientApplication(options);

        var error = act.Should().Throw<AuthClientException>().Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidConfiguration);
        error.Message.Should().Contain("CacheDialect");
    }

    [Test]
    public void Constructor_SeveralProblems_AreReportedTogether()
    {
        var act = () => new ConfidentialClientApplication(new ConfidentialClientOptions { Authority = "nope" });

        var error = act.Should().Throw<AuthClientException>().Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidConfiguration);
        error.Message.Should().Contain("3 problems").And.Contain("ClientId").And.Contain("ClientCredential").And.Contain("authority");
    }

    [Test]
    public void Constructor_AuthorityOutsideKnownAuthorities_IsRefused()
    {
        var options = new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "https://evil.example.com/t1",
            KnownAuthorities = ["login.microsoftonline.com"],
            EnableInstanceDiscovery = false,
            ClientCredential = ClientCredential.FromSecret("s"),
        };

        var act = () => new ConfidentialClientApplication(options);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
    }

    [Test]
    public async Task Acquire_RequestAuthorityDiscoveryDoesNotVouchFor_IsInvalidInstanceBeforeAnyTokenRequest()
    {
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "https://login.microsoftonline.com/t1",
            KnownAuthorities = ["login.microsoftonline.com"],
            ClientCredential = ClientCredential.FromSecret("s"),
            NetworkClient = new InvalidInstanceNetworkClient(),
        });

        var act = () => app.AcquireTokenByClientCredentialAsync(new() { Scopes = ["api://x/.default"], Authority = "https://evil.example.com/t1" });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidInstance);
    }

    [TestCase("https://adfs.contoso.com")]
    [TestCase("adfs.contoso.com/adfs")]
    [TestCase(" ")]
    public void Constructor_KnownAuthoritiesEntryNotAHost_IsInvalidConfiguration(string entry)
    {
        var options = new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "https://login.microsoftonline.com/t1",
            KnownAuthorities = ["adfs.contoso.com", entry],
            ClientCredential = ClientCredential.FromSecret("s"),
        };

        var act = () => new ConfidentialClientApplication(options);

        var error = act.Should().Throw<AuthClientException>().Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidConfiguration);
        error.Message.Should().Contain("KnownAuthorities lists host names");
    }

    [TestCase("https://evil.example/adfs")]
    [TestCase("https://evil.example/tfp/contoso.onmicrosoft.com/B2C_1_signin")]
    public async Task Acquire_RequestAuthorityThatOnlyLooksLikeAdfsOrB2C_IsInvalidAuthorityBeforeAnyRequest(string authority)
    {
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "https://login.microsoftonline.com/t1",
            ClientCredential = ClientCredential.FromSecret("s"),
            NetworkClient = new ThrowingNetworkClient(),
        });

        var act = () => app.AcquireTokenByClientCredentialAsync(new() { Scopes = ["api://x/.default"], Authority = authority });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
    }

    [Test]
    public void ClientCredential_ToString_NeverShowsTheSecret()
    {
        var credential = ClientCredential.FromSecret("super-secret-value");

        credential.ToString().Should().NotContain("super-secret-value");
    }
}
