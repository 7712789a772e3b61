using Auth.Common.Authority;
using Auth.Common.Errors;

namespace Auth.Common.Tests.Authority;

/// <summary>Which hosts an app trusts without instance discovery; the URL's look (/adfs, /tfp) never decides it.</summary>
[TestFixture]
public sealed class AuthorityTrustTests
{
    private static AuthorityInfo Azure(string url) => AuthorityInfo.Parse(url, ProtocolMode.AzureAD, allowInsecureLoopback: true);

    private static AuthorityInfo Oidc(string url) => AuthorityInfo.Parse(url, ProtocolMode.Oidc, allowInsecureLoopback: true);

    private static AuthorityTrust Trust(AuthorityInfo configured, params string[] known) => new(configured, known);

    [TestCase("https://evil.example/adfs")]
    [TestCase("https://evil.example/tfp/contoso.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://evil.example/contoso.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://evil.example/tenant1")]
    [TestCase("https://b2clogin.com.evil.example/tfp/contoso.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://contoso.ciamlogin.com.evil.example/tenant1")]
    [TestCase("https://login.microsoftonline.com.evil.example/adfs")]
    public void Ensure_HostNobodyVouchedFor_IsInvalidAuthorityWhateverTheUrlLooksLike(string url)
    {
        var trust = Trust(Azure("https://login.microsoftonline.com/contoso.onmicrosoft.com"));

        var act = () => trust.Ensure(Azure(url));

        var error = act.Should().Throw<AuthClientException>().Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        error.Message.Should().Contain(new Uri(url).Host).And.Contain("KnownAuthorities").And.Contain("Nothing was sent");
    }

    [TestCase("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://fabrikam.b2clogin.com/fabrikam.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://contoso.ciamlogin.com/")]
    [TestCase("https://login.microsoftonline.com/tfp/contoso.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://login.microsoftonline.us/tenant1")]
    public void Trusts_MicrosoftsOwnHosts_WhenKnownAuthoritiesIsEmpty(string url)
    {
        Trust(Azure("https://login.microsoftonline.com/contoso.onmicrosoft.com")).Trusts(Azure(url)).Should().BeTrue();
    }

    [Test]
    public void Trusts_MicrosoftTenantHostNotListed_WhenKnownAuthoritiesIsSet_IsRefused()
    {
        var trust = Trust(Azure("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signin"), "contoso.b2clogin.com");

        trust.Trusts(Azure("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_other")).Should().BeTrue();
        trust.Trusts(Azure("https://fabrikam.b2clogin.com/tfp/fabrikam.onmicrosoft.com/B2C_1_signin")).Should().BeFalse();
    }

    [TestCase("https://adfs.contoso.com/adfs", "https://adfs.contoso.com/adfs")]
    [TestCase("https://login.contoso.com/tfp/contoso.onmicrosoft.com/B2C_1_signin", "https://login.contoso.com/tfp/contoso.onmicrosoft.com/B2C_1_other")]
    [TestCase("https://idp.contoso.com:8443/t1", "https://idp.contoso.com:8443/t2")]
    [TestCase("https://localhost:5001/tenant1", "https://localhost:5001/tenant2")]
    public void Trusts_TheConfiguredAuthoritysHost(string configured, string request)
    {
        Trust(Azure(configured)).Trusts(Azure(request)).Should().BeTrue();
    }

    [TestCase("https://adfs.contoso.com/adfs", "https://adfs.contoso.com:8443/adfs")]
    [TestCase("https://localhost:5001/tenant1", "https://localhost:5002/tenant1")]
    [TestCase("https://localhost:5001/tenant1", "http://localhost:5001/tenant1")]
    [TestCase("https://localhost:5001/tenant1", "https://127.0.0.1:5001/tenant1")]
    [TestCase("https://adfs.contoso.com/adfs", "https://fs.contoso.com/adfs")]
    public void Trusts_AnotherPortSchemeOrHostThanTheConfigured_IsRefused(string configured, string request)
    {
        Trust(Azure(configured)).Trusts(Azure(request)).Should().BeFalse();
    }

    [Test]
    public void Trusts_ListedHost_AnyPort_OrListedHostAndPort_ThatPortOnly()
    {
        var trust = Trust(Azure("https://login.microsoftonline.com/t1"), " adfs.contoso.com ", "idp.contoso.com:8443");

        trust.Trusts(Azure("https://ADFS.contoso.com/adfs")).Should().BeTrue();
        trust.Trusts(Azure("https://adfs.contoso.com:444/adfs")).Should().BeTrue();
        trust.Trusts(Azure("https://idp.contoso.com:8443/t1")).Should().BeTrue();
        trust.Trusts(Azure("https://idp.contoso.com/t1")).Should().BeFalse();
    }

    [Test]
    public void Trusts_LoopbackIsNotTrustedForBeingLoopback()
    {
        var trust = Trust(Azure("https://login.microsoftonline.com/t1"));

        trust.Trusts(Azure("https://localhost:5001/adfs")).Should().BeFalse();
        trust.Trusts(Azure("http://127.0.0.1:5001/t1")).Should().BeFalse();
    }

    [Test]
    public void Trusts_Oidc_SameIssuerHostOrListed_MicrosoftHostsGetNoPass()
    {
        var trust = Trust(Oidc("https://idp.example.com/realms/a"));

        trust.Trusts(Oidc("https://idp.example.com/realms/b")).Should().BeTrue();
        trust.Trusts(Oidc("https://other.example.com/realms/a")).Should().BeFalse();
        trust.Trusts(Oidc("https://login.microsoftonline.com/t1/v2.0")).Should().BeFalse();
        trust.Trusts(Oidc("https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/v2.0")).Should().BeFalse();
        Trust(Oidc("https://idp.example.com/realms/a"), "idp.example.com", "other.example.com").Trusts(Oidc("https://other.example.com/realms/a")).Should().BeTrue();
    }
}
