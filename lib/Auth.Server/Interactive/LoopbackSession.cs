using System.Net;
using System.Net.Sockets;
using Auth.Common.Platform;

namespace Auth.Server.Interactive;

/// <summary>
/// One listening port waiting for the redirect. Each connection is served on its own task with a
/// deadline, so a slow or half-open connection cannot block the real redirect. Disposing stops
/// the listener and frees the port.
/// </summary>
internal sealed class LoopbackSession : ILoopbackSession
{
    private readonly TcpListener _listener;
    private readonly TimeSpan _connectionTimeout;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<AuthorizationResponse> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    public LoopbackSession(TcpListener listener, TimeSpan connectionTimeout)
    {
        _listener = listener;
        _connectionTimeout = connectionTimeout;
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        RedirectUri = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri RedirectUri { get; }

    public async Task<AuthorizationResponse> WaitForResponseAsync(string expectedState, LoopbackPages pages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedState);
        ArgumentNullException.ThrowIfNull(pages);
        var handler = new LoopbackRedirectHandler(RedirectUri.AbsolutePath, expectedState, pages, _result);
        _ = AcceptLoopAsync(handler);
        using var registration = cancellationToken.Register(() => _result.TrySetCanceled(cancellationToken));
        try
        {
            return await _result.Task.ConfigureAwait(false);
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Dispose();
        _result.TrySetCanceled();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(LoopbackRedirectHandler handler)
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client, handler, stop);
        }
    }

    private async Task ServeAsync(TcpClient client, LoopbackRedirectHandler handler, CancellationToken stop)
    {
        using (client)
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            deadline.CancelAfter(_connectionTimeout);
            try
            {
                if (client.Client.RemoteEndPoint is not IPEndPoint { Address: var address } || !IPAddress.IsLoopback(address))
                {
                    return;
                }

                await handler.HandleAsync(client.GetStream(), deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // A slow, broken or abandoned connection only loses itself.
            }
        }
    }
}
