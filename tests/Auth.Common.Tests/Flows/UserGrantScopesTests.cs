using Auth.Common.Authority;
using Auth.Common.Grants.UserTokens;

namespace Auth.Common.Tests.Flows;

[TestFixture]
public sealed class UserGrantScopesTests
{
    private static readonly string[] Read = ["api://x/read"];

    [Test]
    public void ForSignIn_AppScopes_AddsTheOidcScopesNotNamed()
    {
        var scope = UserGrantScopes.ForSignIn(["api://x/read", "OpenId"]);

        scope.Should().Be("api://x/read OpenId profile offline_access");
    }

    [Test]
    public void ForRefresh_EntraGrantWithoutOfflineAccess_AsksAsBefore()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.AzureAD, ["api://x/write"], new RefreshGrantScopes("api://x/read openid", null));

        selection.Scope.Should().Be("api://x/write openid profile offline_access", "Entra refresh tokens are multi-resource");
        selection.NotGranted.Should().BeEmpty();
    }

    [Test]
    public void ForRefresh_OidcGrantWithoutOfflineAccess_AsksOnlyForGrantedScopes()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, Read, new RefreshGrantScopes("openid profile api://x/read", null));

        selection.Scope.Should().Be("api://x/read openid profile");
        selection.NotGranted.Should().BeEmpty();
    }

    [Test]
    public void ForRefresh_OidcGrantWithOfflineAccess_KeepsIt()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, Read, new RefreshGrantScopes("api://x/read openid offline_access", null));

        selection.Scope.Should().Be("api://x/read openid offline_access");
    }

    [Test]
    public void ForRefresh_OidcScopeNotGranted_SendsNothingAndNamesIt()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, ["api://x/read", "api://x/write"], new RefreshGrantScopes("api://x/read openid", null));

        selection.Scope.Should().BeNull();
        selection.NotGranted.Should().Equal("api://x/write");
    }

    [Test]
    public void ForRefresh_OidcScopeInOtherCase_IsSentAsGranted()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, ["API://X/Read"], new RefreshGrantScopes("api://x/read", null));

        selection.Scope.Should().Be("api://x/read");
    }

    [Test]
    public void ForRefresh_OidcAppNamesOfflineAccessNotGranted_DropsItWithoutError()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, ["api://x/read", "offline_access", "email"], new RefreshGrantScopes("api://x/read openid email", null));

        selection.Scope.Should().Be("api://x/read openid email");
        selection.NotGranted.Should().BeEmpty();
    }

    [Test]
    public void ForRefresh_OidcOnlyOidcScopesAskedNoneGranted_SendsNoScope()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, ["profile"], new RefreshGrantScopes("api://x/read", null));

        selection.Scope.Should().BeNull("no scope means the original grant (RFC 6749 section 6)");
        selection.NotGranted.Should().BeEmpty();
    }

    [Test]
    public void ForRefresh_OidcGrantUnknownAccessTokenSeen_AsksForOidcScopesOnlyWhenSeen()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, ["API://x/read", "api://x/write"], new RefreshGrantScopes(null, "api://x/read openid"));

        selection.Scope.Should().Be("api://x/read api://x/write openid", "seen scopes are a lower bound: unseen resource scopes are still asked for");
        selection.NotGranted.Should().BeEmpty();
    }

    [Test]
    public void ForRefresh_OidcNothingKnown_AsksWithoutOfflineAccess()
    {
        var selection = UserGrantScopes.ForRefresh(ProtocolMode.Oidc, Read, RefreshGrantScopes.Unknown);

        selection.Scope.Should().Be("api://x/read openid profile");
    }
}
