using Auth.Common.Grants.UserTokens;

namespace Auth.Common.Tests.Flows;

[TestFixture]
public sealed class RefreshTokenTargetTests
{
    [Test]
    public void For_SignInAnswerNamesScopes_KeepsThemAsReturned()
    {
        var target = RefreshTokenTarget.For("openid profile API://x/read", "api://x/read openid profile offline_access", redeemed: null);

        target.Should().Be("openid profile API://x/read");
    }

    [Test]
    public void For_SignInAnswerNamesNoScope_KeepsTheScopesSent()
    {
        var target = RefreshTokenTarget.For(" ", "api://x/read openid profile offline_access", redeemed: null);

        target.Should().Be("api://x/read openid profile offline_access", "RFC 6749 section 5.1: no scope means the scope requested");
    }

    [Test]
    public void For_RefreshOfKnownGrantAnsweredNarrower_KeepsTheGrant()
    {
        var target = RefreshTokenTarget.For("api://x/read", "api://x/read", new RefreshGrantScopes("openid api://x/read api://x/write", null));

        target.Should().Be("openid api://x/read api://x/write");
    }

    [Test]
    public void For_RefreshOfKnownGrantAnsweredWider_AddsWhatTheAnswerGranted()
    {
        var target = RefreshTokenTarget.For("api://x/read API://y/read", "api://x/read", new RefreshGrantScopes("api://x/read openid", null));

        target.Should().Be("api://x/read openid API://y/read");
    }

    [Test]
    public void For_RefreshOfUnknownGrant_StaysUnknown()
    {
        var target = RefreshTokenTarget.For("api://x/read openid", "api://x/read openid profile", new RefreshGrantScopes(null, "api://x/read"));

        target.Should().BeNull("the answer names the access token's scopes, not the whole grant");
    }

    [Test]
    public void For_RefreshOfUnknownGrantWithoutScope_IsTheAnsweredGrant()
    {
        var target = RefreshTokenTarget.For("api://x/read openid", sentScope: null, RefreshGrantScopes.Unknown);

        target.Should().Be("api://x/read openid");
    }
}
