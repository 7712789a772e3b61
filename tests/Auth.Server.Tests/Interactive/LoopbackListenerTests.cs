using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Auth.Common.Platform;
using Auth.Server.Interactive;

namespace Auth.Server.Tests.Interactive;

/// <summary>The loopback listener over real sockets on 127.0.0.1.</summary>
[TestFixture]
public sealed class LoopbackListenerTests
{
    private static readonly LoopbackPages Pages = new("<p>signed in</p>", "<p>failed: {error} {error_description}</p>");

    private static HttpClient Browser() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    [Test]
    public async Task Wait_MatchingRedirect_AnswersSuccessPageAndReturnsCode()
    {
        await using var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        using var browser = Browser();

        var waiting = session.WaitForResponseAsync("s1", Pages, CancellationToken.None);
        var page = await browser.GetAsync(new Uri(session.RedirectUri, "?code=c1&state=s1"));
        var response = await waiting;

        session.RedirectUri.Host.Should().Be("127.0.0.1");
        session.RedirectUri.AbsolutePath.Should().Be("/");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Be("<p>signed in</p>");
        page.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Code.Should().Be("c1");
        response.State.Should().Be("s1");
    }

    [Test]
    public async Task Wait_ErrorRedirect_AnswersErrorPageEncoded()
    {
        await using var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        using var browser = Browser();

        var waiting = session.WaitForResponseAsync("s1", Pages, CancellationToken.None);
        var page = await browser.GetStringAsync(new Uri(session.RedirectUri, "?error=access_denied&error_description=%3Cscript%3E&state=s1"));
        var response = await waiting;

        response.Error.Should().Be("access_denied");
        page.Should().Be("<p>failed: access_denied &lt;script&gt;</p>");
    }

    [Test]
    public async Task Wait_OtherPathOrWrongState_AreRefusedAndTheWaitGoesOn()
    {
        await using var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        using var browser = Browser();
        var waiting = session.WaitForResponseAsync("s1", Pages, CancellationToken.None);

        var favicon = await browser.GetAsync(new Uri(session.RedirectUri, "favicon.ico"));
        var forged = await browser.GetAsync(new Uri(session.RedirectUri, "?code=evil&state=wrong"));
        var stillWaiting = !waiting.IsCompleted;
        await browser.GetAsync(new Uri(session.RedirectUri, "?code=good&state=s1"));

        favicon.StatusCode.Should().Be(HttpStatusCode.NotFound);
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        stillWaiting.Should().BeTrue();
        (await waiting).Code.Should().Be("good");
    }

    [Test]
    public async Task Wait_SlowHalfOpenConnection_DoesNotBlockTheRealRedirect()
    {
        await using var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, session.RedirectUri.Port);
        await idle.GetStream().WriteAsync("GET /?code=x"u8.ToArray());
        using var browser = Browser();

        var waiting = session.WaitForResponseAsync("s1", Pages, CancellationToken.None);
        await browser.GetAsync(new Uri(session.RedirectUri, "?code=c2&state=s1"));

        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Code.Should().Be("c2");
    }

    [Test]
    public async Task Wait_Cancelled_FreesThePort()
    {
        var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        var port = session.RedirectUri.Port;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => session.WaitForResponseAsync("s1", Pages, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        using var rebind = new TcpListener(IPAddress.Loopback, port);
        rebind.Start();
        rebind.Stop();
    }

    [Test]
    public async Task Dispose_WithoutWaiting_FreesThePort()
    {
        var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        var port = session.RedirectUri.Port;

        await session.DisposeAsync();

        using var rebind = new TcpListener(IPAddress.Loopback, port);
        rebind.Start();
        rebind.Stop();
    }

    private static void AssertPortIsFree(int port)
    {
        using var rebind = new TcpListener(IPAddress.Loopback, port);
        rebind.Start();
        rebind.Stop();
    }

    [Test]
    public async Task Start_BindsLoopbackOnly()
    {
        await using var session = await new LoopbackListener().StartAsync(CancellationToken.None);

        var bound = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == session.RedirectUri.Port).ToList();

        bound.Should().NotBeEmpty();
        bound.Should().OnlyContain(e => IPAddress.IsLoopback(e.Address), "no other interface may reach the redirect listener");
    }

    [Test]
    public async Task Wait_Success_FreesThePort()
    {
        var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        var port = session.RedirectUri.Port;
        using var browser = Browser();

        var waiting = session.WaitForResponseAsync("s1", Pages, CancellationToken.None);
        await browser.GetAsync(new Uri(session.RedirectUri, "?code=c&state=s1"));
        await waiting;

        AssertPortIsFree(port);
    }

    [Test]
    public async Task Wait_TimedOut_FreesThePort()
    {
        var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        var port = session.RedirectUri.Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => session.WaitForResponseAsync("s1", Pages, timeout.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        AssertPortIsFree(port);
    }

    [Test]
    public async Task Wait_InvalidArguments_StillFreesThePortOnDispose()
    {
        var session = await new LoopbackListener().StartAsync(CancellationToken.None);
        var port = session.RedirectUri.Port;

        var act = () => session.WaitForResponseAsync(string.Empty, Pages, CancellationToken.None);
        await act.Should().ThrowAsync<ArgumentException>();
        await session.DisposeAsync();

        AssertPortIsFree(port);
    }

    [Test]
    public async Task Wait_ManyHalfOpenConnections_DoNotBlockTheRealRedirect()
    {
        await using var session = await new LoopbackListener { ConnectionTimeout = TimeSpan.FromSeconds(30) }.StartAsync(CancellationToken.None);
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, session.RedirectUri.Port);
                await client.GetStream().WriteAsync(i % 2 == 0 ? "GET /?code=x&state=s1 HT"u8.ToArray() : "G"u8.ToArray());
                idle.Add(client);
            }

            using var browser = Browser();
            var waiting = session.WaitForResponseAsync("s1", Pages, CancellationToken.None);
            await browser.GetAsync(new Uri(session.RedirectUri, "?code=real&state=s1"));

            (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Code.Should().Be("real");
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Test]
    public async Task Wait_SlowConnection_IsDroppedAfterConnectionTimeout()
    {
        await using var session = await new LoopbackListener { ConnectionTimeout = TimeSpan.FromMilliseconds(200) }.StartAsync(CancellationToken.None);
        var waiting = session.WaitForResponseAsync("s1", Pages, CancellationToken.None);
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, session.RedirectUri.Port);
        await slow.GetStream().WriteAsync("GET /?code=x"u8.ToArray());

        var read = await slow.GetStream().ReadAsync(new byte[64]).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        read.Should().Be(0, "the listener closes a connection that does not finish its request in time");
        waiting.IsCompleted.Should().BeFalse();
    }
}
