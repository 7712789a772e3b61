using Auth.Common.Authority;

namespace Auth.Common.Tests.Authority;

/// <summary>What an authority writes as the cache environment and app realm, and what it finds, in each <see cref="CacheDialect"/>.</summary>
[TestFixture]
public sealed class CacheDialectTests
{
    [TestCase("https://idp.example.com:8443/realms/demo", CacheDialect.MsalNet, "idp.example.com")]
    [TestCase("https://idp.example.com:8443/realms/demo", CacheDialect.MsalNode, "idp.example.com:8443")]
    [TestCase("https://IDP.example.com:8443/realms/demo", CacheDialect.MsalNode, "idp.example.com:8443")]
    [TestCase("https://idp.example.com/realms/demo", CacheDialect.MsalNode, "idp.example.com")]
    [TestCase("https://idp.example.com:443/realms/demo", CacheDialect.MsalNode, "idp.example.com")]
    public void Environment_OidcAuthority_FollowsTheDialect(string url, CacheDialect dialect, string expected)
    {
        var authority = AuthorityInfo.Parse(url, ProtocolMode.Oidc, false, dialect);

        authority.Environment.Should().Be(expected);
    }

    [TestCase(CacheDialect.MsalNet, "127.0.0.1")]
    [TestCase(CacheDialect.MsalNode, "127.0.0.1:4443")]
    public void Environment_EntraStyleAuthorityOnAPort_FollowsTheDialect(CacheDialect dialect, string expected)
    {
        var authority = AuthorityInfo.Parse("https://127.0.0.1:4443/tenant", ProtocolMode.AzureAD, false, dialect);

        authority.Environment.Should().Be(expected);
    }

    [TestCase(CacheDialect.MsalNet)]
    [TestCase(CacheDialect.MsalNode)]
    public void MatchesEnvironment_EitherForm_IsFoundInEitherDialect(CacheDialect dialect)
    {
        var authority = AuthorityInfo.Parse("https://idp.example.com:8443/realms/demo", ProtocolMode.Oidc, false, dialect);

        authority.MatchesEnvironment("idp.example.com").Should().BeTrue();
        authority.MatchesEnvironment("IDP.example.com:8443").Should().BeTrue();
        authority.MatchesEnvironment("idp.example.com:9443").Should().BeFalse();
        authority.MatchesEnvironment("other.example.com").Should().BeFalse();
    }

    [TestCase(CacheDialect.MsalNet, "idp.example.com", "idp.example.com:8443")]
    [TestCase(CacheDialect.MsalNode, "idp.example.com:8443", "idp.example.com")]
    public void CacheLookupOrder_TriesTheWrittenFormFirst(CacheDialect dialect, string first, string second)
    {
        var authority = AuthorityInfo.Parse("https://idp.example.com:8443/realms/demo", ProtocolMode.Oidc, false, dialect);

        authority.Cloud.CacheLookupOrder.Should().Equal(first, second);
    }

    [Test]
    public void WithCloud_DiscoveredCloud_KeepsItsPreferredCacheAndAddsThePortAlias()
    {
        var authority = AuthorityInfo.Parse("https://login.microsoftonline.com:8443/tenant", ProtocolMode.AzureAD, false, CacheDialect.MsalNode);
        var cloud = new CloudInstance("login.microsoftonline.com", "login.windows.net", ["login.microsoftonline.com", "login.windows.net"]);

        var placed = authority.WithCloud(cloud);

        placed.Environment.Should().Be("login.windows.net");
        placed.MatchesEnvironment("login.microsoftonline.com:8443").Should().BeTrue();
        placed.Dialect.Should().Be(CacheDialect.MsalNode);
    }

    [TestCase(CacheDialect.MsalNet)]
    [TestCase(CacheDialect.MsalNode)]
    public void Environment_DefaultPort_IsTheHostInEitherDialect(CacheDialect dialect)
    {
        var authority = AuthorityInfo.Parse("https://login.microsoftonline.com/tenant", ProtocolMode.AzureAD, false, dialect);

        authority.Environment.Should().Be("login.microsoftonline.com");
        authority.Cloud.Aliases.Should().Equal("login.microsoftonline.com");
    }

    [TestCase("https://idp.example.com:8443/realms/demo", ProtocolMode.Oidc, CacheDialect.MsalNet, "")]
    [TestCase("https://idp.example.com:8443/realms/demo", ProtocolMode.Oidc, CacheDialect.MsalNode, "realms")]
    [TestCase("https://idp.example.com", ProtocolMode.Oidc, CacheDialect.MsalNode, "")]
    [TestCase("https://login.microsoftonline.com/t1", ProtocolMode.AzureAD, CacheDialect.MsalNet, "t1")]
    [TestCase("https://login.microsoftonline.com/t1", ProtocolMode.AzureAD, CacheDialect.MsalNode, "t1")]
    public void AppRealm_FollowsTheDialectForGenericAuthoritiesOnly(string url, ProtocolMode mode, CacheDialect dialect, string expected)
    {
        var authority = AuthorityInfo.Parse(url, mode, false, dialect);

        authority.AppRealm.Should().Be(expected);
    }
}
