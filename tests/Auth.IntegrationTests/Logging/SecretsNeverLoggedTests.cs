using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Logging;

namespace Auth.IntegrationTests.Logging;

/// <summary>With a Trace-level logger, PII on, no secret or token appears in a log line or an exception.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SecretsNeverLoggedTests : IDisposable
{
    private const string ClientId = "logging-daemon";
    private const string Secret = "very-secret-value-123";
    private readonly FakeAuthority _authority = FakeAuthority.Start();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _authority.Dispose();

    private ConfidentialClientApplication App(ClientCredential credential) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = _authority.Authority,
        ClientCredential = credential,
        EnablePiiLogging = true,
        LoggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)),
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient(), new HttpClientNetworkClientOptions { RetryDelay = TimeSpan.FromMilliseconds(1) }),
    });

    [Test]
    public async Task SecretFlow_SuccessAndFailures_LogNoSecretOrToken()
    {
        _authority.RegisterClient(ClientId, Secret);
        var app = App(ClientCredential.FromSecret(Secret));
        var request = new ClientCredentialRequest { Scopes = ["api://x/.default"] };

        var result = await app.AcquireTokenByClientCredentialAsync(request);
        await app.AcquireTokenByClientCredentialAsync(request);
        _authority.EnqueueTokenResponse(FakeTokenResponse.InvalidClient());
        var failure = await FluentActions.Awaiting(() => app.AcquireTokenByClientCredentialAsync(request with { SkipCache = true }))
            .Should().ThrowAsync<AuthException>();

        _logs.Lines.Should().NotBeEmpty();
        var everything = string.Join('\n', _logs.Lines) + failure.Which;
        everything.Should().NotContain(Secret).And.NotContain(result.AccessToken);
        everything.Should().NotContain(result.AccessToken.Split('.')[2], "not even the signature part of the token");
    }

    [Test]
    public async Task CertificateFlow_LogsNoAssertion()
    {
        _authority.RegisterClient(ClientId, TestCertificates.Client);
        var app = App(ClientCredential.FromCertificate(TestCertificates.Client));

        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });

        var assertion = _authority.TokenRequests.Single().Form["client_assertion"];
        var everything = string.Join('\n', _logs.Lines);
        everything.Should().NotContain(assertion.Split('.')[2]).And.NotContain(result.AccessToken.Split('.')[2]);
    }
}
