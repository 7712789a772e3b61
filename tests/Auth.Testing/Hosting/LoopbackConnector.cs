using System.Net;
using System.Net.Sockets;
using Auth.Testing.Clouds;

namespace Auth.Testing.Hosting;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the authority's handlers: loopback hosts connect as
/// asked; registered virtual hosts connect to the authority's loopback port whatever port the URL names (unless they
/// are regional and regional hosts are made unreachable); every other host is refused before any DNS lookup.
/// </summary>
internal sealed class LoopbackConnector
{
    private readonly int _port;
    private readonly VirtualHosts _hosts;
    private readonly Func<FakeRegionalFailure> _regionalFailure;

    public LoopbackConnector(int port, VirtualHosts hosts, Func<FakeRegionalFailure> regionalFailure)
    {
        _port = port;
        _hosts = hosts;
        _regionalFailure = regionalFailure;
    }

    public bool IsVirtualHost(string host) => _hosts.Contains(host);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        EndPoint target;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
        {
            target = context.DnsEndPoint;
        }
        else if (_hosts.Contains(host))
        {
            if (_regionalFailure() == FakeRegionalFailure.Unreachable && EntraClouds.IsRegional(host))
            {
                throw new SocketException((int)SocketError.ConnectionRefused);
            }

            target = new IPEndPoint(IPAddress.Loopback, _port);
        }
        else
        {
            throw new HttpRequestException($"The fake authority's HTTP handler only connects to loopback hosts and registered virtual hosts (FakeAuthorityOptions.Hosts, AddHost), not '{host}'.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
