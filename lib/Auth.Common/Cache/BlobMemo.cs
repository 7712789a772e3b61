namespace Auth.Common.Cache;

/// <summary>
/// The blob a partition was last read from or written to, and the partition's version then: when a
/// plugin hands back that same blob and nothing changed since, it need not be parsed again.
/// </summary>
internal sealed class BlobMemo
{
    private Snapshot? _snapshot;

    /// <summary>Remembers that the partition at <paramref name="version"/> holds exactly what <paramref name="json"/> holds.</summary>
    public void Remember(string json, long version) => Volatile.Write(ref _snapshot, new Snapshot(json, version));

    /// <summary>Returns whether <paramref name="json"/> is the remembered blob and the partition is still at that version.</summary>
    public bool Holds(string json, long currentVersion) =>
        Volatile.Read(ref _snapshot) is { } snapshot
        && snapshot.Version == currentVersion
        && string.Equals(snapshot.Json, json, StringComparison.Ordinal);

    private sealed record Snapshot(string Json, long Version);
}
