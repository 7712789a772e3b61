namespace Auth.IntegrationTests.Authorities;

/// <summary>The tenant of a result comes from the token when the authority names the tenant by domain.</summary>
[TestFixture]
public sealed class TenantFromTokenTests : AuthorityFixture
{
    [Test]
    public async Task ClientCredentials_DomainAuthority_ReportsTheTenantIdFromTheToken()
    {
        var app = App(Authority.AuthorityFor("login.microsoftonline.com", "contoso.onmicrosoft.com"));

        var first = await app.AcquireTokenByClientCredentialAsync(AppRequest);
        var cached = await app.AcquireTokenByClientCredentialAsync(AppRequest);

        first.TenantId.Should().Be(Authority.TenantId);
        cached.TenantId.Should().Be(Authority.TenantId);
    }
}
