using System.Collections.Concurrent;

namespace Auth.Testing.Hosting;

/// <summary>The thread-safe set of host names (lower case, no port) the authority's HTTP handlers route to its loopback port.</summary>
internal sealed class VirtualHosts
{
    private readonly ConcurrentDictionary<string, byte> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The hosts in the order they were added.</summary>
    public IReadOnlyList<string> All => _order.ToArray();

    /// <exception cref="ArgumentException">Not a DNS host name (a scheme, port, path or IP address is not allowed).</exception>
    public void Add(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (Uri.CheckHostName(host) != UriHostNameType.Dns || host.EndsWith('.'))
        {
            throw new ArgumentException($"'{host}' is not a DNS host name (give it without scheme, port or path, e.g. login.microsoftonline.com).", nameof(host));
        }

        var normalized = host.ToLowerInvariant();
        if (_hosts.TryAdd(normalized, 0))
        {
            _order.Enqueue(normalized);
        }
    }

    public bool Contains(string host) => _hosts.ContainsKey(host);
}
