using Auth.Common.Authority;
using Auth.Common.Errors;

namespace Auth.Common.Tests.Authority;

[TestFixture]
public sealed class AuthorityKindsTests
{
    private static AuthorityInfo Parse(string url) => AuthorityInfo.Parse(url, ProtocolMode.AzureAD, false);

    [TestCase("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_SignIn", "contoso.onmicrosoft.com")]
    [TestCase("https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_SignIn/", "contoso.onmicrosoft.com")]
    public void Parse_B2C_BothForms_GiveTenantPolicyAndMetadata(string url, string tenant)
    {
        var authority = Parse(url);

        authority.Kind.Should().Be(AuthorityKind.B2C);
        authority.Tenant.Should().Be(tenant);
        authority.CanonicalAuthority.Should().Be("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_SignIn");
        authority.MetadataUri.AbsoluteUri.Should().Be("https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_SignIn/v2.0/.well-known/openid-configuration");
        authority.SendsClientInfo.Should().BeTrue();
        authority.AccountAuthorityType.Should().Be("MSSTS");
    }

    [Test]
    public void Parse_B2CWithoutPolicy_IsInvalidAuthority()
    {
        var act = () => Parse("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com");

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
    }

    [Test]
    public void Parse_Adfs_HasNoClientInfoAndItsOwnAccountType()
    {
        var authority = Parse("https://fs.contoso.com/adfs/");

        authority.Kind.Should().Be(AuthorityKind.Adfs);
        authority.MetadataUri.AbsoluteUri.Should().Be("https://fs.contoso.com/adfs/.well-known/openid-configuration");
        authority.SendsClientInfo.Should().BeFalse();
        authority.AccountAuthorityType.Should().Be("ADFS");
    }

    [TestCase("https://contoso.ciamlogin.com", "contoso.onmicrosoft.com")]
    [TestCase("https://contoso.ciamlogin.com/", "contoso.onmicrosoft.com")]
    [TestCase("https://contoso.ciamlogin.com/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")]
    public void Parse_Ciam_TakesTheTenantFromTheHostWhenThereIsNoPath(string url, string tenant)
    {
        var authority = Parse(url);

        authority.Kind.Should().Be(AuthorityKind.Ciam);
        authority.Tenant.Should().Be(tenant);
        authority.MetadataUri.AbsoluteUri.Should().Be($"https://contoso.ciamlogin.com/{tenant}/v2.0/.well-known/openid-configuration");
    }

    [TestCase("common")]
    [TestCase("organizations")]
    [TestCase("consumers")]
    [TestCase("contoso.onmicrosoft.com")]
    [TestCase("72f988bf-86f1-41af-91ab-2d7cd011db47")]
    public void Parse_EntraTenantForms_AreKept(string tenant)
    {
        var authority = Parse($"https://login.microsoftonline.us/{tenant}");

        authority.Kind.Should().Be(AuthorityKind.EntraId);
        authority.Tenant.Should().Be(tenant);
    }
}
