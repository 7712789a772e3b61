using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.ClientCredentials;

/// <summary>Every scripted authority error maps to the documented exception and code.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientCredentialsErrorTests : IDisposable
{
    private const string ClientId = "daemon-app";
    private const string Secret = "daemon-secret";
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://orders/.default"] };

    private readonly FakeAuthority _authority = FakeAuthority.Start();

    public ClientCredentialsErrorTests() => _authority.RegisterClient(ClientId, Secret);

    public void Dispose() => _authority.Dispose();

    private ConfidentialClientApplication App(string secret = Secret, TimeSpan? timeout = null) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = _authority.Authority,
        ClientCredential = ClientCredential.FromSecret(secret),
        RetryDelay = TimeSpan.Zero,
        NetworkClient = new HttpClientNetworkClient(
            _authority.CreateHttpClient(),
            new HttpClientNetworkClientOptions { RequestTimeout = timeout ?? TimeSpan.FromSeconds(30) }),
    });

    private static async Task<AuthException> Fail(ConfidentialClientApplication app, ClientCredentialRequest? request = null)
    {
        var act = () => app.AcquireTokenByClientCredentialAsync(request ?? Request);
        return (await act.Should().ThrowAsync<AuthException>()).Which;
    }

    [Test]
    public async Task WrongSecret_IsInvalidClient()
    {
        var error = await Fail(App(secret: "wrong"));

        error.Should().BeOfType<AuthServiceException>().Which.ErrorCodes.Should().Contain(7000215);
        error.Code.Should().Be("invalid_client");
        error.Message.Should().NotContain("wrong", "the secret sent must not be echoed");
    }

    [Test]
    public async Task ScriptedInvalidClient_IsInvalidClient()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.InvalidClient());

        (await Fail(App())).Code.Should().Be("invalid_client");
    }

    [Test]
    public async Task InvalidScope_IsInvalidScope()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.InvalidScope());

        var error = (AuthServiceException)await Fail(App());

        error.Code.Should().Be("invalid_scope");
        error.StatusCode.Should().Be(400);
    }

    [Test]
    public async Task ScopeWithoutDefault_IsRefusedByTheAuthority()
    {
        (await Fail(App(), Request with { Scopes = ["api://orders/read"] })).Code.Should().Be("invalid_scope");
    }

    [Test]
    public async Task Throttled_IsRequestThrottledWithRetryAfter()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.Throttled(TimeSpan.FromSeconds(30)));

        var error = (AuthServiceException)await Fail(App());

        error.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        error.StatusCode.Should().Be(429);
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        _authority.RequestCount("client_credentials").Should().Be(1, "a 429 is not retried");
    }

    [Test]
    public async Task ServerErrorOnce_IsRetriedAndSucceeds()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.ServerError());

        var result = await App().AcquireTokenByClientCredentialAsync(Request);

        result.AccessToken.Should().NotBeNullOrEmpty();
        _authority.RequestCount("client_credentials").Should().Be(2);
    }

    [Test]
    public async Task ServerErrorTwice_IsAServiceErrorWith500()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.ServerError());
        _authority.EnqueueTokenResponse(FakeTokenResponse.ServerError());

        var error = (AuthServiceException)await Fail(App());

        error.StatusCode.Should().Be(500);
        error.IsRetryable.Should().BeTrue();
    }

    [Test]
    public async Task MalformedJson_IsInvalidResponse()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.MalformedJson());

        (await Fail(App())).Code.Should().Be(AuthErrorCodes.InvalidResponse);
    }

    [Test]
    public async Task SlowAnswer_IsRequestTimeout()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.Slow(TimeSpan.FromSeconds(3)));
        _authority.EnqueueTokenResponse(FakeTokenResponse.Slow(TimeSpan.FromSeconds(3)));

        (await Fail(App(timeout: TimeSpan.FromMilliseconds(300)))).Code.Should().Be(AuthErrorCodes.RequestTimeout);
    }

    [Test]
    public async Task UnknownTenantDiscoveryDown_IsAuthorityMetadataFailed()
    {
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = new Uri(_authority.BaseUri, "no-such-path/x/y").AbsoluteUri,
            ProtocolMode = Common.Authority.ProtocolMode.Oidc,
            ClientCredential = ClientCredential.FromSecret(Secret),
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
        });

        (await Fail(app)).Code.Should().Be(AuthErrorCodes.AuthorityMetadataFailed);
    }
}
