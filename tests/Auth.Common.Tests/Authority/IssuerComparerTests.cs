using Auth.Common.Authority;

namespace Auth.Common.Tests.Authority;

[TestFixture]
public sealed class IssuerComparerTests
{
    [TestCase("https://127.0.0.1", "https://127.0.0.1:443")]
    [TestCase("https://127.0.0.1:443", "https://127.0.0.1:443")]
    [TestCase("https://127.0.0.1:443", "https://127.0.0.1")]
    [TestCase("https://127.0.0.1", "https://127.0.0.1/")]
    [TestCase("https://idp.example.com/realms/demo", "https://IDP.Example.COM:443/realms/demo/")]
    [TestCase("https://idp.example.com:8443/realms/demo", "HTTPS://idp.example.com:8443/realms/demo")]
    [TestCase("https://[::1]:443/t", "https://[::1]/t")]
    public void SameIssuer_SameUrlSpelledDifferently_IsTrue(string authority, string issuer)
    {
        var parsed = AuthorityInfo.Parse(authority, ProtocolMode.Oidc, false);

        var same = IssuerComparer.SameIssuer(issuer, parsed.Uri);

        same.Should().BeTrue();
    }

    [TestCase("https://127.0.0.1", "https://127.0.0.2")]
    [TestCase("https://127.0.0.1", "https://127.0.0.1:4443")]
    [TestCase("https://127.0.0.1:4443", "https://127.0.0.1")]
    [TestCase("https://127.0.0.1", "http://127.0.0.1:443")]
    [TestCase("https://127.0.0.1", "https://127.0.0.1:80")]
    [TestCase("https://idp.example.com/realms/demo", "https://idp.example.com/realms/Demo")]
    [TestCase("https://idp.example.com/realms/demo", "https://idp.example.com/realms/demo/v2.0")]
    [TestCase("https://idp.example.com/realms/demo", "https://idp.example.com/realms")]
    [TestCase("https://idp.example.com/realms/demo", "https://idp.example.com.evil.com/realms/demo")]
    [TestCase("https://idp.example.com/realms/demo", "https://idp.example.com/realms/demo?x=1")]
    [TestCase("https://idp.example.com/realms/demo", "https://idp.example.com/realms/demo#f")]
    [TestCase("https://idp.example.com/realms/demo", "https://user@idp.example.com/realms/demo")]
    [TestCase("https://idp.example.com/realms/demo", "idp.example.com/realms/demo")]
    [TestCase("https://idp.example.com/realms/demo", "/realms/demo")]
    [TestCase("https://idp.example.com/realms/demo", "")]
    public void SameIssuer_DifferentIssuer_IsFalse(string authority, string issuer)
    {
        var parsed = AuthorityInfo.Parse(authority, ProtocolMode.Oidc, false);

        var same = IssuerComparer.SameIssuer(issuer, parsed.Uri);

        same.Should().BeFalse();
    }
}
