using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.ConfidentialClient;

/// <summary>A web app's auth code flow with a client secret, against Entra-style and generic OIDC authorities.</summary>
[TestFixture]
public sealed class WebAppAuthCodeTests
{
    private static readonly Uri Redirect = new("http://localhost:5000/signin-callback");

    [TestCase(ProtocolMode.AzureAD)]
    [TestCase(ProtocolMode.Oidc)]
    public async Task AuthCode_WithClientSecret_SignsInAndSilentIsACacheHit(ProtocolMode mode)
    {
        using var authority = FakeAuthority.Start();
        authority.RegisterClient("web-app", "web-secret");
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "web-app",
            Authority = mode == ProtocolMode.AzureAD ? authority.Authority : authority.Issuer,
            ProtocolMode = mode,
            ClientSecret = "web-secret",
            NetworkClient = new HttpClientNetworkClient(authority.CreateHttpClient()),
        });
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = ["api://x/read"], RedirectUri = Redirect });
        using var browser = authority.CreateHttpClient();
        var redirect = System.Web.HttpUtility.ParseQueryString((await browser.GetAsync(url)).Headers.Location!.Query);

        var result = await app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = ["api://x/read"],
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = url.CodeVerifier,
            State = url.State,
            ReturnedState = redirect["state"],
            Nonce = url.Nonce,
        });
        var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = ["api://x/read"], Account = result.Account! });

        result.Account!.Username.Should().Be(authority.DefaultUser.Username);
        silent.Source.Should().Be(TokenSource.Cache);
        var form = authority.TokenRequests.Single().Form;
        form["grant_type"].Should().Be("authorization_code");
        form["code_verifier"].Should().Be(url.CodeVerifier, "confidential clients use PKCE too (RFC 9700)");
        (mode == ProtocolMode.AzureAD ? form.ContainsKey("client_secret") : authority.TokenRequests.Single().Headers.ContainsKey("Authorization")).Should().BeTrue();
    }
}
