namespace Auth.Common.Cache;

/// <summary>
/// Builds a cache key in a caller-supplied buffer (usually on the stack), so that a cache hit can
/// look an entry up without creating a string. Segments are lower-cased as <see cref="CacheKeys"/>
/// does; a key that does not fit reports <see cref="Overflowed"/> and the caller builds a string.
/// </summary>
internal ref struct CacheKeyBuilder
{
    /// <summary>A buffer size that fits the keys of real authorities, client ids and scopes.</summary>
    public const int StackSize = 512;

    private readonly Span<char> _buffer;
    private int _length;

    public CacheKeyBuilder(Span<char> buffer) => _buffer = buffer;

    /// <summary>Gets whether a segment did not fit; the key is then unusable.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Gets the key built so far.</summary>
    public readonly ReadOnlySpan<char> Key => _buffer[.._length];

    /// <summary>Appends <paramref name="value"/>, lower-cased.</summary>
    public void AppendLower(ReadOnlySpan<char> value)
    {
        var written = Overflowed ? -1 : value.ToLowerInvariant(_buffer[_length..]);
        Advance(written);
    }

    /// <summary>Appends <paramref name="value"/> as it is.</summary>
    public void Append(ReadOnlySpan<char> value) => Advance(!Overflowed && value.TryCopyTo(_buffer[_length..]) ? value.Length : -1);

    /// <summary>Appends one character.</summary>
    public void Append(char value)
    {
        if (!Overflowed && _length < _buffer.Length)
        {
            _buffer[_length++] = value;
        }
        else
        {
            Overflowed = true;
        }
    }

    /// <summary>Starts over, keeping the buffer.</summary>
    public void Clear()
    {
        _length = 0;
        Overflowed = false;
    }

    private void Advance(int written)
    {
        if (written < 0)
        {
            Overflowed = true;
        }
        else
        {
            _length += written;
        }
    }
}
