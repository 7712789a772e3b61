using Auth.Testing;
using Microsoft.Identity.Client;

namespace Auth.IntegrationTests.Testing;

/// <summary>MSAL.NET's public client against the fake: proves the user-grant answers have the shapes Entra ID sends.</summary>
[TestFixture]
public sealed class FakeAuthorityMsalPublicClientTests : FakeAuthorityFixture
{
    private const string ClientId = "msal-public-app";
    private static readonly string[] Scopes = ["api://orders/read"];

    [SetUp]
    public void RegisterClient() => Authority.RegisterPublicClient(ClientId);

    [Test]
    public async Task Msal_UsernamePassword_SignsInWithEntraAccountAndRefreshesByRotation()
    {
        var app = Builder().Build();

#pragma warning disable CS0618 // ROPC is obsolete in MSAL; the library under test still offers it.
        var result = await app.AcquireTokenByUsernamePassword(Scopes, Authority.DefaultUser.Username, Authority.DefaultUser.Password).ExecuteAsync();
#pragma warning restore CS0618
        var refreshed = await app.AcquireTokenSilent(Scopes, result.Account).WithForceRefresh(true).ExecuteAsync();

        result.Account.Username.Should().Be("ada@contoso.com");
        result.Account.HomeAccountId.Identifier.Should().Be($"{Authority.DefaultUser.ObjectId}.{Authority.TenantId}");
        result.TenantId.Should().Be(Authority.TenantId);
        result.Scopes.Should().Contain("api://orders/read");
        refreshed.AuthenticationResultMetadata.TokenSource.Should().Be(TokenSource.IdentityProvider);
        Authority.RequestCount("refresh_token").Should().Be(1);
    }

    [Test]
    public async Task Msal_DeviceCode_ApprovedInCallback_SignsInTheDefaultUser()
    {
        var app = Builder().Build();

        var result = await app.AcquireTokenWithDeviceCode(Scopes, code =>
        {
            Authority.ApproveDeviceCode(code.UserCode);
            return Task.CompletedTask;
        }).ExecuteAsync();

        result.Account.Username.Should().Be(Authority.DefaultUser.Username);
        result.Account.HomeAccountId.ObjectId.Should().Be(Authority.DefaultUser.ObjectId);
        result.Account.HomeAccountId.TenantId.Should().Be(Authority.TenantId);
        Authority.RequestCount("device_code").Should().Be(1, "MSAL.NET polls with Entra's short grant type");
    }

    private PublicClientApplicationBuilder Builder() =>
        PublicClientApplicationBuilder.Create(ClientId)
            .WithAuthority(Authority.Authority, validateAuthority: false)
            .WithInstanceDiscoveryMetadata(Authority.InstanceDiscoveryMetadataJson)
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(Http));
}
