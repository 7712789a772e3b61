using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Authorities;

/// <summary>Client credentials and silent against the fake playing each kind of authority.</summary>
[TestFixture]
public sealed class AuthorityKindsTests : AuthorityFixture
{
    private string Url(string kind) => kind switch
    {
        "entra" => Authority.AuthorityFor("login.microsoftonline.com"),
        "usgov" => Authority.AuthorityFor("login.microsoftonline.us"),
        "b2c-tfp" => Authority.B2CAuthorityFor("contoso.b2clogin.com", "B2C_1_SignUpSignIn"),
        "b2c" => Authority.B2CAuthorityFor("contoso.b2clogin.com", "B2C_1_SignUpSignIn").Replace("/tfp/", "/", StringComparison.Ordinal),
        "adfs" => Authority.AdfsAuthorityFor("adfs.contoso.com"),
        "ciam" => "https://contoso.ciamlogin.com/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [TestCase("entra")]
    [TestCase("usgov")]
    [TestCase("b2c-tfp")]
    [TestCase("b2c")]
    [TestCase("adfs")]
    [TestCase("ciam")]
    public async Task ClientCredentials_EachKind_GetsATokenThenACacheHit(string kind)
    {
        var app = App(Url(kind));

        var first = await app.AcquireTokenByClientCredentialAsync(AppRequest);
        var second = await app.AcquireTokenByClientCredentialAsync(AppRequest);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        Authority.RequestCount("client_credentials").Should().Be(1);
    }

    [TestCase("entra")]
    [TestCase("b2c-tfp")]
    [TestCase("adfs")]
    [TestCase("ciam")]
    public async Task Silent_EachKind_ServesFromCacheThenRefreshes(string kind)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(Url(kind), time: time);
        var signedIn = await SignInAsync(app);

        var cached = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = signedIn.Account! });
        time.Advance(TimeSpan.FromHours(1));
        var refreshed = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = signedIn.Account! });

        cached.Source.Should().Be(TokenSource.Cache);
        refreshed.Source.Should().Be(TokenSource.IdentityProvider);
        refreshed.Account!.HomeAccountId.Should().Be(signedIn.Account!.HomeAccountId);
        Authority.RequestCount("refresh_token").Should().Be(1);
    }

    [Test]
    public async Task B2C_HomeAccountId_CarriesThePolicy()
    {
        var result = await SignInAsync(App(Url("b2c-tfp")));

        result.Account!.HomeAccountId.Should().EndWith($"-b2c_1_signupsignin.{result.Account.TenantId}");
        Authority.TokenRequests[^1].Form.Should().ContainKey("client_info");
    }

    [Test]
    public async Task Adfs_AccountIsKeyedBySubWithoutClientInfo()
    {
        var app = App(Url("adfs"));

        var result = await SignInAsync(app);

        result.Account!.HomeAccountId.Should().Be(result.IdTokenClaims!["sub"]);
        Authority.TokenRequests[^1].Form.Should().NotContainKey("client_info");
        app.GetTokenCache().Serialize().Should().Contain("\"authority_type\":\"ADFS\"");
    }

    [Test]
    public async Task Ciam_AuthorityWithoutPath_TakesTheTenantFromTheHost()
    {
        await App(Url("ciam")).AcquireTokenByClientCredentialAsync(AppRequest);

        Authority.TokenRequests.Single().Path.Should().StartWith("/contoso.onmicrosoft.com/");
        Authority.TokenRequests.Single().Host.Should().Be("contoso.ciamlogin.com");
    }

    [Test]
    public async Task Oidc_GenericProvider_GetsNoMicrosoftHeadersOrParameters()
    {
        var result = await SignInAsync(App(Authority.Issuer, ProtocolMode.Oidc));

        result.AccessToken.Should().NotBeNullOrEmpty();
        var sent = Authority.TokenRequests.Single();
        sent.Form.Should().NotContainKey("client_info");
        sent.Headers.Keys.Should().NotContain(k => k.StartsWith("x-client", StringComparison.OrdinalIgnoreCase) || k.Contains("request-id", StringComparison.OrdinalIgnoreCase));
    }
}
