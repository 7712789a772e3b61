using System.Diagnostics.CodeAnalysis;

namespace Auth.Extensions.Distributed;

/// <summary>Turns a partition's cache JSON into the bytes stored under a storage key, and back.</summary>
internal interface IBlobCodec
{
    /// <summary>Encodes <paramref name="json"/> for storage under <paramref name="storageKey"/>.</summary>
    byte[] Encode(string json, string storageKey);

    /// <summary>
    /// Decodes a stored blob. On failure <paramref name="failure"/> says why in words that carry no
    /// blob content, key or token.
    /// </summary>
    bool TryDecode(byte[] blob, string storageKey, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? failure);
}
