using System.Net;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityRefreshTokenTests : UserFlowFixture
{
    [Test]
    public async Task RefreshToken_Redeemed_ReturnsNewRefreshTokenAndTokensForTheOriginalScopes()
    {
        var first = await SignInAsync(Authority.DefaultUser);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, first));

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty().And.NotBe(first);
        json.GetProperty("scope").GetString().Should().Be("openid profile api://orders/read");
        var id = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        id.GetProperty("oid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        id.TryGetProperty("nonce", out _).Should().BeFalse();
        Authority.RequestCount("refresh_token").Should().Be(1);
    }

    [Test]
    public async Task RefreshToken_UsedTwice_SecondIsInvalidGrantButItsSuccessorWorks()
    {
        var first = await SignInAsync(Authority.DefaultUser);
        var (_, rotated) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, first));

        var (reusedStatus, reused) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, first));
        var (successorStatus, _) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, rotated.GetProperty("refresh_token").GetString()!));

        UserFlows.ShouldBeError(reusedStatus, reused, HttpStatusCode.BadRequest, "invalid_grant", 70008);
        successorStatus.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task RevokeRefreshTokens_OneUser_RefusesOnlyThatUsersTokens()
    {
        var grace = new FakeUser { Username = "grace@contoso.com", Password = "cobol" };
        Authority.RegisterUser(grace);
        var adas = await SignInAsync(Authority.DefaultUser);
        var graces = await SignInAsync(grace);

        Authority.RevokeRefreshTokens(grace);

        var (graceStatus, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, graces));
        var (adaStatus, _) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, adas));
        graceStatus.Should().Be(HttpStatusCode.BadRequest);
        UserFlows.ErrorCode(json).Should().Be(50173);
        adaStatus.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task RevokeRefreshTokens_All_RefusesEveryEarlierToken()
    {
        var token = await SignInAsync(Authority.DefaultUser);

        Authority.RevokeRefreshTokens();

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, token));
        status.Should().Be(HttpStatusCode.BadRequest);
        json.GetProperty("error").GetString().Should().Be("invalid_grant");
    }

    [Test]
    public async Task RefreshToken_OtherScope_IssuesAccessTokenForThatResource()
    {
        var form = UserFlows.Refresh(ClientId, await SignInAsync(Authority.DefaultUser));
        form["scope"] = "User.Read offline_access";

        var (_, json) = await UserFlows.TokenAsync(Http, Authority, form);

        json.GetProperty("scope").GetString().Should().Be("User.Read");
        var access = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        access.GetProperty("aud").GetString().Should().Be("https://graph.microsoft.com");
        access.GetProperty("scp").GetString().Should().Be("User.Read");
    }

    [Test]
    public async Task RefreshToken_OfAnotherClient_ReturnsInvalidGrant70000()
    {
        Authority.RegisterPublicClient("other-app");
        var token = await SignInAsync(Authority.DefaultUser);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh("other-app", token));

        status.Should().Be(HttpStatusCode.BadRequest);
        UserFlows.ErrorCode(json).Should().Be(70000);
    }

    [Test]
    public async Task RefreshToken_After90Days_ReturnsInvalidGrant700082()
    {
        var token = await SignInAsync(Authority.DefaultUser);
        Clock.Advance(TimeSpan.FromDays(90));

        var (_, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, token));

        UserFlows.ErrorCode(json).Should().Be(700082);
    }

    private async Task<string> SignInAsync(FakeUser user)
    {
        var (_, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Password(ClientId, user));
        return json.GetProperty("refresh_token").GetString()!;
    }
}
