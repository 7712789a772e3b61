using Auth.Common.Authority;
using Auth.Common.Credentials;
using Auth.Common.Errors;
using Auth.Common.Pipeline;
using Auth.Common.Platform;
using Auth.Common.Resilience;
using Auth.Common.Telemetry;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Pipeline;

/// <summary>The one token-request pipeline: what it adds to a grant's fields, and its promise of at most 2 POSTs per call.</summary>
[TestFixture]
public sealed class TokenRequestSenderTests
{
    private const string Ok = """{"token_type":"Bearer","expires_in":3600,"access_token":"at"}""";
    private static readonly AuthorityInfo Authority = AuthorityInfo.Parse("https://login.microsoftonline.com/tenant1", ProtocolMode.AzureAD, false);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private TokenRequestSender Sender(INetworkClient network, IClientAuthenticator? authenticator = null, bool retry = true)
    {
        var metadata = new AuthorityMetadataResolver(network, _time, NullLogger.Instance, false);
        metadata.Seed(Authority, """{"issuer":"https://login.microsoftonline.com/tenant1/v2.0","token_endpoint":"https://login.microsoftonline.com/tenant1/oauth2/v2.0/token"}""");
        return new TokenRequestSender("client1", network, metadata, ClientHeaders.None, authenticator, ["cp1"], new RetryPolicy(retry, TimeSpan.Zero, _time), _time, NullLogger.Instance);
    }

    private static TokenRequest Request(string? region = null) => new()
    {
        Authority = Authority,
        CorrelationId = Guid.Empty,
        ApiId = ApiIds.ClientCredentials,
        GrantFields = [new("grant_type", "client_credentials")],
        Scope = "api://x/.default",
        Region = region,
        Repeatable = true,
    };

    private static TokenRequest Refresh() => new()
    {
        Authority = Authority,
        CorrelationId = Guid.Empty,
        ApiId = ApiIds.RefreshToken,
        GrantFields = [new("grant_type", "refresh_token"), new("refresh_token", "rotating-rt")],
        Scope = "api://x/read",
    };

    private static TokenRequest Code() => new()
    {
        Authority = Authority,
        CorrelationId = Guid.Empty,
        ApiId = ApiIds.AuthorizationCode,
        GrantFields = [new("grant_type", "authorization_code"), new("code", "one-time-code")],
        Scope = "api://x/read",
    };

    [Test]
    public async Task SendAsync_Grant_GetsClientIdScopeClaimsAndCredentialAdded()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, Ok));

        var result = await Sender(network, new FakeAuthenticator()).SendAsync(Request(), CancellationToken.None);

        result.Value!.AccessToken.Should().Be("at");
        var form = network.Requests.Single().Form!.ToDictionary(f => f.Key, f => f.Value);
        form.Should().ContainKeys("grant_type", "client_id", "scope", "claims", "client_secret");
        form["claims"].Should().Contain("cp1");
    }

    [Test]
    public async Task SendAsync_BasicAuthentication_MovesTheClientIdOutOfTheBody()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, Ok));

        await Sender(network, new ClientSecretAuthenticator("s", ClientSecretTransport.BasicAuthorization)).SendAsync(Request(), CancellationToken.None);

        var request = network.Requests.Single();
        request.Headers.Should().ContainKey("Authorization");
        request.Form!.Select(f => f.Key).Should().NotContain("client_id").And.NotContain("client_secret");
    }

    [Test]
    public async Task SendAsync_ServerErrorEveryTime_PostsTwiceAndReturnsTheError()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(500, "{}"));

        var result = await Sender(network).SendAsync(Request(), CancellationToken.None);

        network.Requests.Should().HaveCount(2);
        result.Error.Should().BeOfType<AuthServiceException>().Which.StatusCode.Should().Be(500);
    }

    [Test]
    public async Task SendAsync_RegionAndGlobalBothFail_PostsTwiceRegionThenGlobal()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(503, "{}"));

        await Sender(network).SendAsync(Request(region: "westus"), CancellationToken.None);

        network.Requests.Select(r => r.Uri.Host).Should().Equal("westus.login.microsoft.com", "login.microsoftonline.com");
    }

    [Test]
    public async Task SendAsync_RegionUnreachable_FallsBackToGlobalEvenWithRetriesOff()
    {
        var network = new RecordingNetworkClient(r => r.Uri.Host.StartsWith("westus", StringComparison.Ordinal)
            ? throw new AuthClientException(AuthErrorCodes.NetworkError, "refused")
            : RecordingNetworkClient.Json(200, Ok));

        var result = await Sender(network, retry: false).SendAsync(Request(region: "westus"), CancellationToken.None);

        result.Value.Should().NotBeNull();
        network.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task SendAsync_GlobalConnectionRefused_IsNotRetriedAndIsAValue()
    {
        var network = new RecordingNetworkClient((Func<NetworkRequest, NetworkResponse>)(_ => throw new AuthClientException(AuthErrorCodes.NetworkError, "refused")));

        var result = await Sender(network).SendAsync(Request(), CancellationToken.None);

        network.Requests.Should().ContainSingle();
        result.Error!.Code.Should().Be(AuthErrorCodes.NetworkError);
    }

    [Test]
    public async Task SendAsync_AfterAThrottlingAnswer_PostsNothingUntilRetryAfter()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(429, """{"error":"temporarily_unavailable"}""", ("Retry-After", "30")));
        var sender = Sender(network);
        await sender.SendAsync(Request(), CancellationToken.None);
        var posted = network.Requests.Count;

        var again = await sender.SendAsync(Request(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(31));
        await sender.SendAsync(Request(), CancellationToken.None);

        posted.Should().Be(1, "a 429 is the authority's verdict, not retried");
        again.Error!.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        network.Requests.Should().HaveCount(2, "nothing was sent while throttled, and one request after");
    }

    [Test]
    public async Task SendAsync_PendingDeviceCode_IsReadFromTheValue()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(400, """{"error":"authorization_pending"}"""));

        var result = await Sender(network).SendAsync(Request(), CancellationToken.None);

        result.OAuthError.Should().Be("authorization_pending");
        network.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task SendAsync_RefreshGrantAnswered5xx_PostsOnceAndSaysItWasNotReplayed()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(502, "{}"));

        var result = await Sender(network).SendAsync(Refresh(), CancellationToken.None);

        network.Requests.Should().ContainSingle("the authority may have rotated the refresh token already; a replay would burn the family");
        var error = result.Error.Should().BeOfType<AuthServiceException>().Subject;
        error.Code.Should().Be(AuthErrorCodes.HttpStatusError);
        error.StatusCode.Should().Be(502);
        error.GrantNotReplayed.Should().BeTrue();
        error.Message.Should().Contain("not sent again");
    }

    [Test]
    public async Task SendAsync_CodeGrantTimedOut_PostsOnceAndKeepsTheTimeoutCode()
    {
        var network = new RecordingNetworkClient((Func<NetworkRequest, NetworkResponse>)(_ => throw new AuthClientException(AuthErrorCodes.RequestTimeout, "no answer")));

        var result = await Sender(network).SendAsync(Code(), CancellationToken.None);

        network.Requests.Should().ContainSingle();
        result.Error!.Code.Should().Be(AuthErrorCodes.RequestTimeout);
        result.Error.GrantNotReplayed.Should().BeTrue();
        result.Error.Message.Should().StartWith("no answer").And.Contain("authorization code needs a new sign-in");
    }

    [Test]
    public async Task SendAsync_RefreshGrantRefusedConnection_IsNotFlaggedAsPossiblyRedeemed()
    {
        var network = new RecordingNetworkClient((Func<NetworkRequest, NetworkResponse>)(_ => throw new AuthClientException(AuthErrorCodes.NetworkError, "refused")));

        var result = await Sender(network).SendAsync(Refresh(), CancellationToken.None);

        network.Requests.Should().ContainSingle();
        result.Error!.GrantNotReplayed.Should().BeFalse();
    }

    [Test]
    public async Task SendAsync_ClientCredentialsRetried_SendsAFreshAssertionWithANewJti()
    {
        using var certificate = TestCertificate();
        var calls = 0;
        var network = new RecordingNetworkClient(_ => ++calls == 1 ? RecordingNetworkClient.Json(500, "{}") : RecordingNetworkClient.Json(200, Ok));
        var authenticator = new CertificateAuthenticator(certificate, sendX5c: false, algorithm: null, new PayloadEchoCrypto(), _time);

        var result = await Sender(network, authenticator).SendAsync(Request(), CancellationToken.None);

        result.Value.Should().NotBeNull();
        var assertions = network.Requests.Select(r => r.Form!.Single(f => f.Key == "client_assertion").Value).ToList();
        assertions.Should().HaveCount(2);
        assertions[0].Should().NotBe(assertions[1]);
        Jti(assertions[0]).Should().NotBe(Jti(assertions[1]), "an assertion's jti is single-use");
    }

    [Test]
    public async Task SendAsync_RegionFailsForARefreshGrant_IsNotSentAgainToTheGlobalEndpoint()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(503, "{}"));

        await Sender(network).SendAsync(Refresh() with { Region = "westus" }, CancellationToken.None);

        network.Requests.Should().ContainSingle();
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 TestCertificate()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=retry-test", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
    }

    private static string Jti(string assertion)
    {
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(assertion.Split('.')[1]);
        return System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("jti").GetString()!;
    }

    /// <summary>"Signs" by echoing the payload, so the test can read each assertion's jti.</summary>
    private sealed class PayloadEchoCrypto : ICryptoProvider
    {
        public string CreateRandomValue() => Guid.NewGuid().ToString("N");

        public string Sha256Base64Url(string value) => value;

        public string SignJwt(ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, JwtSigningAlgorithm algorithm) =>
            $"{System.Buffers.Text.Base64Url.EncodeToString(headerJson)}.{System.Buffers.Text.Base64Url.EncodeToString(payloadJson)}.sig";
    }
}
