using System.Collections.Concurrent;

namespace Auth.Common.Cache;

/// <summary>
/// What a <see cref="CachePartition"/> does with each of its entry dictionaries: exact-key lookups with
/// a stack-built key, lock-free scans, conditional removal and copying out.
/// </summary>
internal static class EntryDictionaries
{
    public static T? First<T, TState>(ConcurrentDictionary<string, T> entries, TState state, Func<T, TState, bool> match)
        where T : class
    {
        foreach (var (_, entry) in entries)
        {
            if (match(entry, state))
            {
                return entry;
            }
        }

        return null;
    }

    public static bool RemoveWhere<T>(ConcurrentDictionary<string, T> entries, string clientId, Func<T, string, bool> match)
    {
        var removed = false;
        foreach (var (key, value) in entries)
        {
            if (match(value, clientId))
            {
                removed |= entries.TryRemove(key, out _);
            }
        }

        return removed;
    }

    public static void Copy<T>(ConcurrentDictionary<string, T> source, Dictionary<string, T> target)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }

    /// <summary>
    /// Returns the entry stored under the key an entry with these fields has, under each of <paramref name="aliases"/> in
    /// turn; the key is built on the stack. Null when none is there or the key does not fit: the caller then scans.
    /// </summary>
    public static T? FindByKey<T>(
        ConcurrentDictionary<string, T> entries, string credentialType, string? homeAccountId, IReadOnlyList<string> aliases, string clientId, string realm, IReadOnlyList<string> scopes, string? queryKey = null, string? issuer = null)
        where T : class
    {
        var lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        var key = new CacheKeyBuilder(stackalloc char[CacheKeyBuilder.StackSize]);
        for (var i = 0; i < aliases.Count; i++)
        {
            key.Clear();
            CacheKeys.WriteCredential(ref key, homeAccountId, aliases[i], credentialType, clientId, realm, scopes);
            CacheKeys.WriteAccessTokenSuffix(ref key, queryKey, issuer);
            if (!key.Overflowed && lookup.TryGetValue(key.Key, out var entry))
            {
                return entry;
            }
        }

        return null;
    }
}
