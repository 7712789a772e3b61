namespace Auth.Common.Authority;

/// <summary>
/// The hosts of one cloud, from instance discovery: cache entries are written under
/// <see cref="PreferredCache"/> and found under any of <see cref="Aliases"/>.
/// </summary>
internal sealed record CloudInstance(string PreferredNetwork, string PreferredCache, IReadOnlyList<string> Aliases)
{
    /// <summary>A cloud of one host (no discovery, or a host discovery does not know).</summary>
    public static CloudInstance Single(string host) => new(host, host, [host]);

    /// <summary>
    /// Gets the aliases in the order a cache lookup tries them: <see cref="PreferredCache"/> first (where
    /// this library writes, so a hit costs one key), then the others (entries other libraries wrote).
    /// </summary>
    public IReadOnlyList<string> CacheLookupOrder { get; } =
        [PreferredCache, .. Aliases.Where(a => !string.Equals(a, PreferredCache, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Returns this cloud as seen by an authority on <paramref name="hostWithPort"/> (its host with a non-default port):
    /// that spelling becomes an alias, and with <see cref="CacheDialect.MsalNode"/> it replaces the bare
    /// host as the preferred cache host. Unchanged for an authority on its scheme's default port.
    /// </summary>
    public CloudInstance ForPort(string host, string hostWithPort, CacheDialect dialect)
    {
        if (string.Equals(host, hostWithPort, StringComparison.Ordinal))
        {
            return this;
        }

        var preferred = dialect == CacheDialect.MsalNode && string.Equals(PreferredCache, host, StringComparison.OrdinalIgnoreCase)
            ? hostWithPort
            : PreferredCache;
        return new CloudInstance(PreferredNetwork, preferred, Contains(hostWithPort) ? Aliases : [.. Aliases, hostWithPort]);
    }

    public bool Contains(string host)
    {
        for (var i = 0; i < Aliases.Count; i++)
        {
            if (string.Equals(Aliases[i], host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
