using System.Text.Json.Nodes;
using Auth.Common.Requests;
using Auth.Common.Responses;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>
/// A user's access token obtained with extra query parameters is served only to requests with the same set; the
/// refresh token does not depend on them, so another set costs one refresh, not a sign-in.
/// </summary>
[TestFixture]
public sealed class ExtraQueryParameterCacheTests : PublicClientFixture
{
    [Test]
    public async Task Silent_WithAnotherSetOfParameters_RefreshesOnce_ThenEachSetIsServedItsOwnToken()
    {
        var app = App();
        var slice = new Dictionary<string, string> { ["slice"] = "a" };
        var signIn = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = Authority.DefaultUser.Username,
            Password = Authority.DefaultUser.Password,
        });
        var account = signIn.Account!;

        var withSlice = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = account, ExtraQueryParameters = slice });
        var withSliceAgain = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = account, ExtraQueryParameters = slice });
        var plain = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = account });

        withSlice.Source.Should().Be(TokenSource.IdentityProvider, "the token obtained without the parameters is not served for them");
        withSlice.AccessToken.Should().NotBe(signIn.AccessToken);
        withSliceAgain.Source.Should().Be(TokenSource.Cache);
        withSliceAgain.AccessToken.Should().Be(withSlice.AccessToken);
        plain.Source.Should().Be(TokenSource.Cache);
        plain.AccessToken.Should().Be(signIn.AccessToken);
        Authority.TokenRequests.Select(r => (r.GrantType, Slice: r.Query.GetValueOrDefault("slice")))
            .Should().Equal(("password", null), ("refresh_token", "a"));
        var entries = JsonNode.Parse(app.GetTokenCache().Serialize())!["AccessToken"]!.AsObject().Select(e => e.Value!["credential_type"]!.GetValue<string>());
        entries.Should().BeEquivalentTo(["AccessToken", "AccessToken_Extended"]);
    }
}
