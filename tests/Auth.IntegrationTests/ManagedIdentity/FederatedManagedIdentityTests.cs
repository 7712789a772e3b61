using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.ManagedIdentity;

/// <summary>
/// A confidential client with no secret: its client assertion is a managed identity token for
/// <c>api://AzureADTokenExchange</c>, which the authority accepts as a federated identity credential. Over real HTTP(S):
/// the fake identity endpoint issues the assertion, FakeAuthority checks its issuer, subject, audience and signature.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FederatedManagedIdentityTests : IDisposable
{
    private const string ClientId = "multi-tenant-daemon";
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://orders/.default"] };
    private readonly FakeAuthority _authority = FakeAuthority.Start();
    private readonly FakeManagedIdentityEndpoint _identity;

    public FederatedManagedIdentityTests() =>
        _identity = FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions.ForAuthority(_authority, FakeManagedIdentitySource.AppService));

    public void Dispose()
    {
        _identity.Dispose();
        _authority.Dispose();
    }

    [Test]
    public async Task ClientAssertion_IsTheManagedIdentitysToken_AndTheAuthorityIssuesTheAppToken()
    {
        _authority.RegisterFederatedClient(ClientId, _authority.Issuer, _identity.SystemAssigned.ObjectId);
        var app = Confidential(ClientCredential.FromManagedIdentity(ManagedIdentity()));

        var first = await app.AcquireTokenByClientCredentialAsync(Request);
        var forced = await app.AcquireTokenByClientCredentialAsync(Request with { SkipCache = true });

        first.Source.Should().Be(TokenSource.IdentityProvider);
        JwtInspector.Payload(first.AccessToken).GetProperty("appid").GetString().Should().Be(ClientId);
        var sent = _authority.TokenRequests.Select(r => r.Form).ToList();
        sent.Should().HaveCount(2).And.OnlyContain(f => f["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        JwtInspector.Payload(sent[0]["client_assertion"]).GetProperty("aud").GetString().Should().Be("api://AzureADTokenExchange");
        sent[1]["client_assertion"].Should().Be(sent[0]["client_assertion"], "the managed identity's token is cached and reused as the assertion");
        _identity.TokensIssued.Should().Be(1);
        forced.Source.Should().Be(TokenSource.IdentityProvider);
    }

    [Test]
    public async Task AssertionForAnotherAudience_IsRefusedByTheAuthority()
    {
        _authority.RegisterFederatedClient(ClientId, _authority.Issuer, _identity.SystemAssigned.ObjectId);
        var app = Confidential(ClientCredential.FromManagedIdentity(ManagedIdentity(), "api://AzureADTokenExchangeUSGov"));

        var act = () => app.AcquireTokenByClientCredentialAsync(Request);

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be("invalid_client");
    }

    [Test]
    public async Task AnotherIdentitysToken_IsRefusedByTheAuthority()
    {
        var other = _identity.AddUserAssigned("not-trusted");
        _authority.RegisterFederatedClient(ClientId, _authority.Issuer, _identity.SystemAssigned.ObjectId);
        var app = Confidential(ClientCredential.FromManagedIdentity(ManagedIdentity(ManagedIdentityId.FromUserAssignedClientId(other.ClientId))));

        var act = () => app.AcquireTokenByClientCredentialAsync(Request);

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be("invalid_client");
    }

    [Test]
    public async Task ManagedIdentityFailure_SurfacesAsItsOwnError_AndNothingReachesTheAuthority()
    {
        _authority.RegisterFederatedClient(ClientId, _authority.Issuer, _identity.SystemAssigned.ObjectId);
        _identity.FailNext(500, times: 10);
        var app = Confidential(ClientCredential.FromManagedIdentity(ManagedIdentity()));

        var act = () => app.AcquireTokenByClientCredentialAsync(Request);

        (await act.Should().ThrowAsync<AuthException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityRequestFailed);
        _authority.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public void Credential_DescribesItself_WithoutASecret() =>
        ClientCredential.FromManagedIdentity(ManagedIdentity()).ToString().Should().Be("managed identity SystemAssigned for api://AzureADTokenExchange");

    private ManagedIdentityApplication ManagedIdentity(ManagedIdentityId? id = null) => new(new ManagedIdentityOptions
    {
        Identity = id ?? ManagedIdentityId.SystemAssigned,
        Platform = new FakeHostPlatform(_identity),
        RetryDelay = TimeSpan.Zero,
    });

    private ConfidentialClientApplication Confidential(ClientCredential credential) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = _authority.Authority,
        ClientCredential = credential,
        RetryDelay = TimeSpan.Zero,
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient(), new HttpClientNetworkClientOptions()),
    });
}
