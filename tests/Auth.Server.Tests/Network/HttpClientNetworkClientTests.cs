using System.Net;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Resilience;
using Auth.Server.Network;
using Auth.Server.Tests.TestDoubles;

namespace Auth.Server.Tests.Network;

[TestFixture]
public sealed class HttpClientNetworkClientTests
{
    private static readonly NetworkRequest Post = new()
    {
        Uri = new Uri("https://login.example.com/t1/oauth2/v2.0/token"),
        Form = [new("grant_type", "client_credentials"), new("client_secret", "s3cr3t")],
        CorrelationId = Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
        Headers = new Dictionary<string, string> { ["client-request-id"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", ["Authorization"] = "Basic eDp5" },
    };

    private static HttpClientNetworkClientOptions Fast => new() { RequestTimeout = TimeSpan.FromSeconds(5) };

    // The network client sends once; retries belong to Auth.Common's one policy, exercised here over the real HttpClient adapter.
    private static readonly RetryPolicy Retry = new(retryOnServerError: true, TimeSpan.FromMilliseconds(1), TimeProvider.System);

    private static HttpResponseMessage Answer(HttpStatusCode status, string body = "{}") => new(status) { Content = new StringContent(body) };

    [Test]
    public async Task SendAsync_Post_SendsFormAndTheRequestsHeadersOnly()
    {
        var handler = new StubHandler((_, _) => Answer(HttpStatusCode.OK, """{"ok":true}"""));
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);

        var response = await client.SendAsync(Post);

        response.StatusCode.Should().Be(200);
        response.Body.Should().Be("""{"ok":true}""");
        var (request, body) = handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Post);
        body.Should().Be("grant_type=client_credentials&client_secret=s3cr3t");
        request.Headers.GetValues("client-request-id").Should().Equal("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        request.Headers.Authorization!.ToString().Should().Be("Basic eDp5");
        request.Headers.Contains("x-client-SKU").Should().BeFalse("the network client adds no headers of its own");
    }

    [Test]
    public async Task SendAsync_5xxThenOk_RetriesOnce()
    {
        var handler = new StubHandler((_, n) => n == 1 ? Answer(HttpStatusCode.BadGateway) : Answer(HttpStatusCode.OK));
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);

        var response = await Retry.SendAsync(client, Post, CancellationToken.None);

        response.StatusCode.Should().Be(200);
        handler.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task SendAsync_5xxTwice_ReturnsTheSecondAnswer()
    {
        var handler = new StubHandler((_, _) => Answer(HttpStatusCode.InternalServerError));
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);

        var response = await Retry.SendAsync(client, Post, CancellationToken.None);

        response.StatusCode.Should().Be(500);
        handler.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task SendAsync_4xx_IsNotRetried()
    {
        var handler = new StubHandler((_, _) => Answer(HttpStatusCode.BadRequest));
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);

        var response = await Retry.SendAsync(client, Post, CancellationToken.None);

        response.StatusCode.Should().Be(400);
        handler.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task SendAsync_BodyOverLimit_IsResponseTooLarge()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) });
        var options = Fast;
        options.MaxResponseBytes = 64 * 1024;
        var client = new HttpClientNetworkClient(new HttpClient(handler), options);

        var act = () => client.SendAsync(Post);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ResponseTooLarge);
    }

    [Test]
    public async Task SendAsync_NoAnswerWithinTimeout_RetriesThenIsRequestTimeout()
    {
        var handler = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
            return Answer(HttpStatusCode.OK);
        });
        var options = Fast;
        options.RequestTimeout = TimeSpan.FromMilliseconds(100);
        var client = new HttpClientNetworkClient(new HttpClient(handler), options);

        var act = () => Retry.SendAsync(client, Post, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.RequestTimeout);
        error.Message.Should().NotContain("s3cr3t");
        handler.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task SendAsync_CallerCancels_IsOperationCanceled()
    {
        var handler = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
            return Answer(HttpStatusCode.OK);
        });
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var act = () => client.SendAsync(Post, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public async Task SendAsync_ConnectionRefused_IsNetworkErrorWithoutSecrets()
    {
        var port = FreePort();
        var client = new HttpClientNetworkClient(new HttpClient(), Fast);
        var request = Post with { Uri = new Uri($"http://127.0.0.1:{port}/t1/oauth2/v2.0/token?x=secret-query") };

        var act = () => client.SendAsync(request);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.NetworkError);
        error.Message.Should().NotContain("s3cr3t").And.NotContain("secret-query");
        error.CorrelationId.Should().Be(Post.CorrelationId);
    }

    [Test]
    public async Task SendAsync_HandlerResendsTheBodyToARedirectTarget_IsRedirectRefusedAndNothingIsWritten()
    {
        var handler = new FollowingHandler(new Uri("https://attacker.example/steal"));
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);

        var act = () => client.SendAsync(Post);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.RedirectRefused);
        error.Message.Should().Contain("https://attacker.example").And.NotContain("s3cr3t");
        handler.Bodies.Should().Equal(["grant_type=client_credentials&client_secret=s3cr3t"], "only the first send, to the token endpoint, got the body");
    }

    [Test]
    public async Task SendAsync_HandlerSendsTheSameBodyTwice_IsRedirectRefused()
    {
        var handler = new FollowingHandler(target: null);
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);

        var act = () => client.SendAsync(Post);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.RedirectRefused);
        handler.Bodies.Should().ContainSingle();
    }

    [Test]
    public async Task SendAsync_AnswerCameFromAnotherUri_IsRedirectRefused()
    {
        var handler = new StubHandler((request, _) =>
        {
            request.RequestUri = new Uri("https://attacker.example/metadata");
            var answer = Answer(HttpStatusCode.OK, """{"access_token":"forged"}""");
            answer.RequestMessage = request;
            return answer;
        });
        var client = new HttpClientNetworkClient(new HttpClient(handler), Fast);

        var act = () => client.SendAsync(Post with { Form = null });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.RedirectRefused);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Sends the body, then "follows a redirect" as SocketsHttpHandler does: same message, new URI (or the same), body again.</summary>
    private sealed class FollowingHandler(Uri? target) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var hop = 0; hop < 2; hop++)
            {
                using var sink = new MemoryStream();
                await request.Content!.CopyToAsync(sink, cancellationToken);
                Bodies.Add(System.Text.Encoding.ASCII.GetString(sink.ToArray()));
                request.RequestUri = target ?? request.RequestUri;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        }
    }
}
