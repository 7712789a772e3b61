namespace Auth.Extensions.Distributed;

/// <summary>
/// Names the store entry of a cache partition: <c>{KeyPrefix}{clientId}:{PartitionKey}</c>. The
/// client id keeps two apps that share a store and a prefix apart; its <c>%</c> and <c>:</c> are
/// percent-escaped, so the first <c>:</c> after the prefix always ends it and no client id and
/// partition key pair names the entry of another pair.
/// </summary>
internal static class StorageKey
{
    public static string For(string keyPrefix, string clientId, string partitionKey) =>
        string.Concat(keyPrefix, Escape(clientId), ":", partitionKey);

    private static string Escape(string clientId) =>
        clientId.AsSpan().IndexOfAny('%', ':') < 0
            ? clientId
            : clientId.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);
}
