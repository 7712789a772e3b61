using System.Net;
using System.Net.Sockets;
using System.Text;
using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;

namespace Auth.IntegrationTests.BadInput;

/// <summary>
/// Transport faults of the token endpoint, each with its documented code: refused, reset, cut
/// short, endless, silent. The app's default network client is used (the one apps get).
/// </summary>
[TestFixture]
public sealed class TransportFaultTests
{
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://orders/.default"] };

    private static ConfidentialClientApplication App(RawTokenServer server, TimeSpan? timeout = null, int maxBytes = 1024 * 1024, bool defaultClient = false) => new(new ConfidentialClientOptions
    {
        ClientId = "daemon-app",
        Authority = server.Issuer,
        ProtocolMode = ProtocolMode.Oidc,
        AllowInsecureLoopbackAuthority = true,
        AuthorityMetadataJson = server.MetadataJson,
        ClientCredential = ClientCredential.FromSecret("daemon-secret"),
        RetryDelay = TimeSpan.Zero,
        NetworkClient = defaultClient ? null : new HttpClientNetworkClient(
            new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }),
            new HttpClientNetworkClientOptions { RequestTimeout = timeout ?? TimeSpan.FromSeconds(10), MaxResponseBytes = maxBytes }),
    });

    private static async Task<AuthClientException> Fail(ConfidentialClientApplication app)
    {
        var act = () => app.AcquireTokenByClientCredentialAsync(Request);
        return (await act.Should().ThrowAsync<AuthClientException>()).Which;
    }

    [Test]
    public async Task ConnectionRefused_IsNetworkError()
    {
        using var server = new RawTokenServer(RawTokenServer.Sends(string.Empty));
        var app = App(server);
        server.Dispose();

        var error = await Fail(app);

        error.Code.Should().Be(AuthErrorCodes.NetworkError);
        error.Message.Should().Contain("refused or reset").And.Contain("retry later");
    }

    [Test]
    public async Task ConnectionReset_IsNetworkError()
    {
        using var server = new RawTokenServer((socket, _, _) =>
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST
            socket.Close();
            return Task.CompletedTask;
        });

        var error = await Fail(App(server));

        error.Code.Should().Be(AuthErrorCodes.NetworkError);
        error.Message.Should().Contain("Check the authority URL");
    }

    [Test]
    public async Task TruncatedBody_IsNetworkError()
    {
        using var server = new RawTokenServer(RawTokenServer.Sends(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{\"token_type\":\"Bearer\",\"access_tok"));

        var error = await Fail(App(server));

        error.Code.Should().Be(AuthErrorCodes.NetworkError);
        error.Message.Should().Contain("before a complete answer arrived");
    }

    [Test]
    public async Task EndlessBody_HitsTheSizeLimit()
    {
        using var server = new RawTokenServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), ct);
            var chunk = Encoding.ASCII.GetBytes($"4000\r\n{new string(' ', 0x4000)}\r\n");
            for (var i = 0; i < 100_000 && !ct.IsCancellationRequested; i++)
            {
                await stream.WriteAsync(chunk, ct);
            }
        });

        var error = await Fail(App(server, maxBytes: 64 * 1024));

        error.Code.Should().Be(AuthErrorCodes.ResponseTooLarge);
        error.Message.Should().Contain("65536 bytes").And.Contain("MaxResponseBytes");
    }

    [Test]
    public async Task DeclaredBodyOverTheLimit_IsRefusedBeforeReading()
    {
        using var server = new RawTokenServer(RawTokenServer.Sends("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000000000\r\n\r\n{"));

        (await Fail(App(server))).Code.Should().Be(AuthErrorCodes.ResponseTooLarge);
    }

    [Test]
    public async Task SilentServer_IsRequestTimeoutAfterOneRetry()
    {
        using var server = new RawTokenServer((_, _, ct) => Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct));

        var error = await Fail(App(server, timeout: TimeSpan.FromMilliseconds(300)));

        error.Code.Should().Be(AuthErrorCodes.RequestTimeout);
        error.Message.Should().Contain("raise RequestTimeout");
        server.Connections.Should().Be(2, "a timeout is retried once");
    }

    [Test]
    public async Task Redirect_IsNotFollowed()
    {
        using var target = new RawTokenServer(RawTokenServer.Sends("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
        using var server = new RawTokenServer(RawTokenServer.Sends(
            $"HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:{target.Port}/steal\r\nContent-Length: 0\r\n\r\n"));

        var act = () => App(server, defaultClient: true).AcquireTokenByClientCredentialAsync(Request);

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.HttpStatusError);
        error.StatusCode.Should().Be(307);
        error.Message.Should().Contain("Redirects are not followed").And.Contain($"127.0.0.1:{target.Port}");
        target.Connections.Should().Be(0, "the secret must not be posted to the redirect target");
    }

    [TestCase(307)]
    [TestCase(308)]
    public async Task Redirect_AppClientFollowsRedirects_TargetNeverReceivesThePost(int status)
    {
        var body = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var target = new RawTokenServer(async (_, stream, ct) =>
        {
            // Whatever follows the head (the form body, with the secret) is recorded too.
            var buffer = new byte[4096];
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromMilliseconds(300));
            try
            {
                var read = await stream.ReadAsync(buffer, wait.Token);
                body.Enqueue(Encoding.ASCII.GetString(buffer, 0, read));
            }
            catch (OperationCanceledException)
            {
            }

            await RawTokenServer.Sends(TokenAnswer)(null!, stream, ct);
        });
        using var server = new RawTokenServer(RawTokenServer.Sends(
            $"HTTP/1.1 {status} Redirect\r\nLocation: http://127.0.0.1:{target.Port}/steal\r\nContent-Length: 0\r\n\r\n"));

        var act = () => FollowingApp(server).AcquireTokenByClientCredentialAsync(Request);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.RedirectRefused);
        error.Message.Should().Contain($"127.0.0.1:{target.Port}").And.Contain("AllowAutoRedirect");
        target.Heads.Should().NotContain(h => h.StartsWith("POST", StringComparison.Ordinal), "the redirect target must never see the POST");
        string.Concat(target.Heads.Concat(body)).Should().NotContain("daemon-secret");
    }

    [Test]
    public async Task Redirect302_AppClientFollowsItAsAGet_TheTargetsAnswerIsRefused()
    {
        using var target = new RawTokenServer(RawTokenServer.Sends(TokenAnswer));
        using var server = new RawTokenServer(RawTokenServer.Sends(
            $"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{target.Port}/steal\r\nContent-Length: 0\r\n\r\n"));

        var act = () => FollowingApp(server).AcquireTokenByClientCredentialAsync(Request);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.RedirectRefused, "a token from the redirect target must not be accepted");
        string.Concat(target.Heads).Should().NotContain("daemon-secret");
    }

    [Test]
    public async Task Redirect_AppFactoryWithDefaultHandler_TargetNeverReceivesThePost()
    {
        using var target = new RawTokenServer(RawTokenServer.Sends(TokenAnswer));
        using var server = new RawTokenServer(RawTokenServer.Sends(
            $"HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:{target.Port}/steal\r\nContent-Length: 0\r\n\r\n"));
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var options = Options(server);
        options.HttpClientFactory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IHttpClientFactory>(provider);
        var app = new ConfidentialClientApplication(options);

        var act = () => app.AcquireTokenByClientCredentialAsync(Request);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.RedirectRefused);
        target.Heads.Should().NotContain(h => h.StartsWith("POST", StringComparison.Ordinal));
    }

    private const string TokenAnswer =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 66\r\n\r\n{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"stolen1\"}";

    /// <summary>An app whose own HttpClient follows redirects (the default of SocketsHttpHandler).</summary>
    private static ConfidentialClientApplication FollowingApp(RawTokenServer server)
    {
        var options = Options(server);
        options.NetworkClient = new HttpClientNetworkClient(new HttpClient(new SocketsHttpHandler { UseProxy = false }), new HttpClientNetworkClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        return new ConfidentialClientApplication(options);
    }

    private static ConfidentialClientOptions Options(RawTokenServer server) => new()
    {
        ClientId = "daemon-app",
        Authority = server.Issuer,
        ProtocolMode = ProtocolMode.Oidc,
        AllowInsecureLoopbackAuthority = true,
        AuthorityMetadataJson = server.MetadataJson,
        ClientCredential = ClientCredential.FromSecret("daemon-secret"),
        RetryDelay = TimeSpan.Zero,
    };
}
