using System.Text.Json.Nodes;
using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>
/// Two OpenID Connect issuers on one host (the fake's tenants A and B, <c>https://localhost:{port}/{tenant}/v2.0</c>), one
/// client id, and the same user, whose <c>sub</c> is the same at both: over HTTPS, neither issuer's account is served the
/// other's tokens, and each refresh token goes back to the issuer that issued it.
/// </summary>
[TestFixture]
public sealed class IssuerScopedAccountsTests : PublicClientFixture
{
    [Test]
    public async Task SameSubAtTwoIssuersOnOneHost_NeitherIsServedTheOthersTokens()
    {
        var issuerB = Authority.Issuer.Replace(Authority.TenantId, Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var app = App(ProtocolMode.Oidc);
        var a = await SignInAsync(app, authority: null);
        var refreshTokenOfA = RefreshTokens(app).Single();
        var b = await SignInAsync(app, issuerB);

        var silentA = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = a.Account! });
        var silentB = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = b.Account!, Authority = issuerB });
        var crossed = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = a.Account!, Authority = issuerB });
        var requestsBefore = Authority.TokenRequests.Count;
        var crossError = (await crossed.Should().ThrowAsync<InteractionRequiredException>()).Which;
        var requestsAfterCross = Authority.TokenRequests.Count;
        await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = a.Account!, ForceRefresh = true });

        a.IdTokenClaims!["sub"].Should().Be(b.IdTokenClaims!["sub"], "the test needs one sub at both issuers");
        a.Account!.HomeAccountId.Should().NotBe(b.Account!.HomeAccountId);
        (await app.GetTokenCache().GetAllAccountsAsync()).Should().HaveCount(2);
        silentA.Source.Should().Be(TokenSource.Cache);
        silentA.AccessToken.Should().Be(a.AccessToken);
        silentB.Source.Should().Be(TokenSource.Cache);
        silentB.AccessToken.Should().Be(b.AccessToken);
        crossError.Code.Should().Be(AuthErrorCodes.NoTokensFound);
        requestsAfterCross.Should().Be(requestsBefore, "issuer A's refresh token is not sent to issuer B");
        var refresh = Authority.TokenRequests.Last(r => r.GrantType == "refresh_token");
        refresh.Tenant.Should().Be(Authority.TenantId);
        refresh.Form["refresh_token"].Should().Be(refreshTokenOfA, "A's refresh token goes to A, not the one B issued");
        RefreshTokens(app).Should().HaveCount(2, "each issuer's refresh token is kept");
    }

    private static List<string> RefreshTokens(PublicClientApplication app) =>
        [.. JsonNode.Parse(app.GetTokenCache().Serialize())!["RefreshToken"]!.AsObject().Select(e => e.Value!["secret"]!.GetValue<string>())];

    private Task<AuthenticationResult> SignInAsync(PublicClientApplication app, string? authority) =>
        app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = Authority.DefaultUser.Username,
            Password = Authority.DefaultUser.Password,
            Authority = authority,
        });
}
