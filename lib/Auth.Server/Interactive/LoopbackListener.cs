using System.Net;
using System.Net.Sockets;
using Auth.Common.Platform;

namespace Auth.Server.Interactive;

/// <summary><see cref="ILoopbackListener"/> on a <see cref="TcpListener"/> bound to 127.0.0.1 with a free port.</summary>
public sealed class LoopbackListener : ILoopbackListener
{
    /// <summary>Gets or sets how long one connection may take to send its request. Default 10 seconds.</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public Task<ILoopbackSession> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult<ILoopbackSession>(new LoopbackSession(listener, ConnectionTimeout));
    }
}
