using Auth.Common.Authority;

namespace Auth.Common.Tests.Authority;

/// <summary>What an authority writes as the cache environment, and what it finds, in each <see cref="CacheEnvironmentFormat"/>.</summary>
[TestFixture]
public sealed class CacheEnvironmentFormatTests
{
    [TestCase("https://idp.example.com:8443/realms/demo", CacheEnvironmentFormat.Host, "idp.example.com")]
    [TestCase("https://idp.example.com:8443/realms/demo", CacheEnvironmentFormat.HostAndPort, "idp.example.com:8443")]
    [TestCase("https://IDP.example.com:8443/realms/demo", CacheEnvironmentFormat.HostAndPort, "idp.example.com:8443")]
    [TestCase("https://idp.example.com/realms/demo", CacheEnvironmentFormat.HostAndPort, "idp.example.com")]
    [TestCase("https://idp.example.com:443/realms/demo", CacheEnvironmentFormat.HostAndPort, "idp.example.com")]
    public void Environment_OidcAuthority_FollowsTheFormat(string url, CacheEnvironmentFormat format, string expected)
    {
        var authority = AuthorityInfo.Parse(url, ProtocolMode.Oidc, false, format);

        authority.Environment.Should().Be(expected);
    }

    [TestCase(CacheEnvironmentFormat.Host, "127.0.0.1")]
    [TestCase(CacheEnvironmentFormat.HostAndPort, "127.0.0.1:4443")]
    public void Environment_EntraStyleAuthorityOnAPort_FollowsTheFormat(CacheEnvironmentFormat format, string expected)
    {
        var authority = AuthorityInfo.Parse("https://127.0.0.1:4443/tenant", ProtocolMode.AzureAD, false, format);

        authority.Environment.Should().Be(expected);
    }

    [TestCase(CacheEnvironmentFormat.Host)]
    [TestCase(CacheEnvironmentFormat.HostAndPort)]
    public void MatchesEnvironment_EitherForm_IsFoundInEitherFormat(CacheEnvironmentFormat format)
    {
        var authority = AuthorityInfo.Parse("https://idp.example.com:8443/realms/demo", ProtocolMode.Oidc, false, format);

        authority.MatchesEnvironment("idp.example.com").Should().BeTrue();
        authority.MatchesEnvironment("IDP.example.com:8443").Should().BeTrue();
        authority.MatchesEnvironment("idp.example.com:9443").Should().BeFalse();
        authority.MatchesEnvironment("other.example.com").Should().BeFalse();
    }

    [TestCase(CacheEnvironmentFormat.Host, "idp.example.com", "idp.example.com:8443")]
    [TestCase(CacheEnvironmentFormat.HostAndPort, "idp.example.com:8443", "idp.example.com")]
    public void CacheLookupOrder_TriesTheWrittenFormFirst(CacheEnvironmentFormat format, string first, string second)
    {
        var authority = AuthorityInfo.Parse("https://idp.example.com:8443/realms/demo", ProtocolMode.Oidc, false, format);

        authority.Cloud.CacheLookupOrder.Should().Equal(first, second);
    }

    [Test]
    public void WithCloud_DiscoveredCloud_KeepsItsPreferredCacheAndAddsThePortAlias()
    {
        var authority = AuthorityInfo.Parse("https://login.microsoftonline.com:8443/tenant", ProtocolMode.AzureAD, false, CacheEnvironmentFormat.HostAndPort);
        var cloud = new CloudInstance("login.microsoftonline.com", "login.windows.net", ["login.microsoftonline.com", "login.windows.net"]);

        var placed = authority.WithCloud(cloud);

        placed.Environment.Should().Be("login.windows.net");
        placed.MatchesEnvironment("login.microsoftonline.com:8443").Should().BeTrue();
        placed.EnvironmentFormat.Should().Be(CacheEnvironmentFormat.HostAndPort);
    }

    [TestCase(CacheEnvironmentFormat.Host)]
    [TestCase(CacheEnvironmentFormat.HostAndPort)]
    public void Environment_DefaultPort_IsTheHostInEitherFormat(CacheEnvironmentFormat format)
    {
        var authority = AuthorityInfo.Parse("https://login.microsoftonline.com/tenant", ProtocolMode.AzureAD, false, format);

        authority.Environment.Should().Be("login.microsoftonline.com");
        authority.Cloud.Aliases.Should().Equal("login.microsoftonline.com");
    }
}
