using System.Web;
using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>
/// RFC 9207 against an authority that advertises <c>authorization_response_iss_parameter_supported</c> and sends <c>iss</c>
/// with every authorization response: the issuer must come back and be the authority's, in the interactive flow (read by
/// the loopback listener) and when the app drives the flow itself, so a code from another authority is never redeemed.
/// </summary>
[TestFixture]
public sealed class AuthorizationResponseIssuerTests : PublicClientFixture
{
    private static readonly Uri Redirect = new("http://127.0.0.1:8400/");

    protected override FakeAuthorityOptions AuthorityOptions => new() { AuthorizationResponseIssuer = true };

    [TestCase(ProtocolMode.AzureAD)]
    [TestCase(ProtocolMode.Oidc)]
    public async Task Interactive_IssuerSentByTheAuthority_SignsIn(ProtocolMode mode)
    {
        string? returnedIssuer = null;

        var result = await App(mode).AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            OpenBrowser = async (url, ct) =>
            {
                var redirect = await AuthorizeAsync(url);
                returnedIssuer = HttpUtility.ParseQueryString(redirect.Query)["iss"];
                using var browser = LoopbackBrowser();
                (await browser.GetAsync(redirect, ct)).EnsureSuccessStatusCode();
            },
        });

        result.Account.Should().NotBeNull();
        returnedIssuer.Should().Be(Authority.Issuer);
    }

    // Before: the loopback flow ignored iss, so a redirect naming another issuer (or none) was redeemed.
    [TestCase("https://evil.example.com/tenant/v2.0", AuthErrorCodes.AuthorizationResponseIssuerMismatch)]
    [TestCase(null, AuthErrorCodes.AuthorizationResponseIssuerMissing)]
    public async Task Interactive_RedirectWithAnotherIssuerOrNone_IsRefusedAndNotRedeemed(string? issuer, string code)
    {
        var act = () => App().AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            OpenBrowser = async (url, ct) =>
            {
                var redirect = await AuthorizeAsync(url);
                var query = HttpUtility.ParseQueryString(redirect.Query);
                query.Remove("iss");
                if (issuer is not null)
                {
                    query["iss"] = issuer;
                }

                using var browser = LoopbackBrowser();
                (await browser.GetAsync(new UriBuilder(redirect) { Query = query.ToString() }.Uri, ct)).EnsureSuccessStatusCode();
            },
        });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(code);
        Authority.RequestCount("authorization_code").Should().Be(0);
    }

    [Test]
    public async Task Code_ReturnedIssuerPassed_SignsIn()
    {
        var app = App();
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        var redirect = HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query);

        var result = await app.AcquireTokenByCodeAsync(Redemption(url, redirect) with { ReturnedIssuer = redirect["iss"] });

        result.Account.Should().NotBeNull();
    }

    [Test]
    public async Task Code_ReturnedIssuerNotPassed_IsIssuerMissing()
    {
        var app = App();
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        var redirect = HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query);

        var act = () => app.AcquireTokenByCodeAsync(Redemption(url, redirect));

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.AuthorizationResponseIssuerMissing);
        Authority.TokenRequests.Should().BeEmpty();
    }

    // The mix-up attack: the app started the sign-in at this authority, but the code that comes back is another authority's.
    [Test]
    public async Task Code_FromAnotherAuthority_IsIssuerMismatchAndNeverSentToThisOne()
    {
        using var other = FakeAuthority.Start(AuthorityOptions);
        other.RegisterPublicClient(ClientId);
        var app = App();
        var otherApp = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = ClientId,
            Authority = other.Authority,
            NetworkClient = new HttpClientNetworkClient(other.CreateHttpClient()),
        });
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        using var otherBrowser = other.CreateHttpClient();
        var otherUrl = await otherApp.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect, State = url.State });
        var redirect = HttpUtility.ParseQueryString((await otherBrowser.GetAsync(otherUrl)).Headers.Location!.Query);

        var act = () => app.AcquireTokenByCodeAsync(Redemption(url, redirect) with { ReturnedIssuer = redirect["iss"] });

        redirect["iss"].Should().Be(other.Issuer);
        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.AuthorizationResponseIssuerMismatch);
        Authority.TokenRequests.Should().BeEmpty();
    }

    private static AuthorizationCodeRequest Redemption(Common.Responses.AuthorizationUrl url, System.Collections.Specialized.NameValueCollection redirect) => new()
    {
        Scopes = Scopes,
        RedirectUri = Redirect,
        Code = redirect["code"]!,
        CodeVerifier = url.CodeVerifier,
        State = url.State,
        ReturnedState = redirect["state"],
        Nonce = url.Nonce,
    };
}
