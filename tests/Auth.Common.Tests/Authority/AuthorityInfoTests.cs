using Auth.Common.Authority;
using Auth.Common.Errors;

namespace Auth.Common.Tests.Authority;

[TestFixture]
public sealed class AuthorityInfoTests
{
    [Test]
    public void Parse_EntraAuthority_TakesTenantAndBuildsMetadataUri()
    {
        var authority = AuthorityInfo.Parse("https://Login.MicrosoftOnline.com/contoso.onmicrosoft.com/", ProtocolMode.AzureAD, false);

        authority.Tenant.Should().Be("contoso.onmicrosoft.com");
        authority.Environment.Should().Be("login.microsoftonline.com");
        authority.MetadataUri.AbsoluteUri.Should().Be("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");
    }

    [Test]
    public void Parse_OidcIssuerWithPath_KeepsPathAndHasNoTenant()
    {
        var authority = AuthorityInfo.Parse("https://idp.example.com:8443/realms/demo", ProtocolMode.Oidc, false);

        authority.Tenant.Should().BeEmpty();
        authority.CanonicalAuthority.Should().Be("https://idp.example.com:8443/realms/demo");
        authority.HostWithPort.Should().Be("idp.example.com:8443");
        authority.MetadataUri.AbsoluteUri.Should().Be("https://idp.example.com:8443/realms/demo/.well-known/openid-configuration");
    }

    [TestCase("http://login.microsoftonline.com/t1")]
    [TestCase("http://127.0.0.1:5000/t1")]
    public void Parse_HttpWithoutOptIn_IsRefused(string url)
    {
        var act = () => AuthorityInfo.Parse(url, ProtocolMode.AzureAD, allowInsecureLoopback: false);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InsecureAuthority);
    }

    [Test]
    public void Parse_HttpLoopbackWithOptIn_IsAllowed()
    {
        var authority = AuthorityInfo.Parse("http://localhost:5000/t1", ProtocolMode.AzureAD, allowInsecureLoopback: true);

        authority.Tenant.Should().Be("t1");
    }

    [Test]
    public void Parse_HttpNonLoopbackEvenWithOptIn_IsRefused()
    {
        var act = () => AuthorityInfo.Parse("http://example.com/t1", ProtocolMode.AzureAD, allowInsecureLoopback: true);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InsecureAuthority);
    }

    [TestCase("")]
    [TestCase("not a url")]
    [TestCase("ftp://example.com/t1")]
    [TestCase("https://example.com/t1?x=1")]
    [TestCase("https://user:pw@example.com/t1")]
    [TestCase("https://login.microsoftonline.com")]
    [TestCase("https://\u202e\u202e/\u202e\u202e")] // found by the authority URL fuzz target: UriFormatException escaped
    [TestCase("//\u202e/htps:\u0014:/\r/con")] // found by the authority URL fuzz target: Uri.TryCreate threw IndexOutOfRangeException
    public void Parse_Malformed_IsInvalidAuthority(string url)
    {
        var act = () => AuthorityInfo.Parse(url, ProtocolMode.AzureAD, false);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
    }
}
