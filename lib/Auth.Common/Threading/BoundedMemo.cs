using System.Collections.Concurrent;

namespace Auth.Common.Threading;

/// <summary>
/// A thread-safe memo of values that are expensive to derive and never change for a key (parsed
/// authorities, validated scope sets). Reads are lock-free. It holds at most
/// <see cref="Capacity"/> entries: when full it starts over, so a workload with more distinct keys
/// than that costs a re-derivation now and then, never unbounded memory.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private int _count;

    public BoundedMemo(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    /// <summary>Gets the most entries held at once.</summary>
    public int Capacity { get; }

    /// <summary>Gets the number of entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the value memoized for <paramref name="key"/>.</summary>
    public bool TryGet(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        _entries.TryGetValue(key, out value);

    /// <summary>Memoizes <paramref name="value"/> for <paramref name="key"/> (first writer wins) and returns the held value.</summary>
    public TValue Add(TKey key, TValue value)
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 1);
        }

        return _entries.GetOrAdd(key, value);
    }
}
