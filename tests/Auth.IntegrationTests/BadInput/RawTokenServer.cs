using System.Net;
using System.Net.Sockets;

namespace Auth.IntegrationTests.BadInput;

/// <summary>
/// A token endpoint on a raw socket (127.0.0.1, free port) for the faults WireMock cannot send:
/// a body cut short, an endless body, a reset connection, no answer at all. Each connection reads
/// the request head and then runs <c>behave</c> on the stream.
/// </summary>
internal sealed class RawTokenServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Socket, NetworkStream, CancellationToken, Task> _behave;
    private readonly CancellationToken _stopping;
    private bool _disposed;

    public RawTokenServer(Func<Socket, NetworkStream, CancellationToken, Task> behave)
    {
        _behave = behave;
        _stopping = _stop.Token;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Issuer => $"http://127.0.0.1:{Port}/tenant";

    /// <summary>OpenID configuration naming this server's token endpoint (passed as AuthorityMetadataJson: no discovery call).</summary>
    public string MetadataJson =>
        $"{{\"issuer\":\"{Issuer}\",\"authorization_endpoint\":\"{Issuer}/authorize\",\"token_endpoint\":\"{Issuer}/token\",\"token_endpoint_auth_methods_supported\":[\"client_secret_post\"]}}";

    public int Connections { get; private set; }

    /// <summary>Gets every request head (request line and headers) this server received, as text.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Heads { get; } = new();

    public static Func<Socket, NetworkStream, CancellationToken, Task> Sends(string raw) => async (_, stream, ct) =>
    {
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(raw), ct);
        await stream.FlushAsync(ct);
    };

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _listener.Stop();
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Connections++;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                Heads.Enqueue(await ReadHeadAsync(stream, _stopping));
                await _behave(socket, stream, _stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client gave up (timeout, size limit): expected.
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
            if (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        return System.Text.Encoding.ASCII.GetString(buffer, 0, filled);
    }
}
