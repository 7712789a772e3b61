using Auth.Common.Responses;

namespace Auth.Benchmarks.Profiling;

/// <summary>
/// Copies of hit-path stages the benchmark cannot call (a ref struct, an async method's shell),
/// written the way lib/ writes them: CacheKeyBuilder/CacheKeys and ClientCredentialFlow.AcquireAsync.
/// </summary>
public static class StageReplicas
{
    private const string AppPartitionSuffix = "_AppTokenCache";

    /// <summary>CacheKeys.WriteAppPartition: four copies.</summary>
    public static int PartitionKey(Span<char> buffer, string clientId, string realm)
    {
        var n = 0;
        n += Copy(buffer[n..], clientId);
        buffer[n++] = '_';
        n += Copy(buffer[n..], realm);
        n += Copy(buffer[n..], AppPartitionSuffix);
        return n;
    }

    /// <summary>CacheKeys.WriteCredential for an app token: six segments, each lower-cased (or copied).</summary>
    public static int CredentialKey(Span<char> buffer, string environment, string clientId, string realm, IReadOnlyList<string> scopes, bool lower)
    {
        var n = 0;
        n += Segment(buffer[n..], string.Empty, lower);
        buffer[n++] = '-';
        n += Segment(buffer[n..], environment, lower);
        buffer[n++] = '-';
        n += Segment(buffer[n..], "AccessToken", lower);
        buffer[n++] = '-';
        n += Segment(buffer[n..], clientId, lower);
        buffer[n++] = '-';
        n += Segment(buffer[n..], realm, lower);
        buffer[n++] = '-';
        for (var i = 0; i < scopes.Count; i++)
        {
            if (i > 0)
            {
                buffer[n++] = ' ';
            }

            n += Segment(buffer[n..], scopes[i], lower);
        }

        return n;
    }

    /// <summary>Proposal: the fixed part of the key (everything but the scopes) lower-cased once per authority and alias.</summary>
    public static int CredentialKeyFromPrefix(Span<char> buffer, string lowerPrefix, IReadOnlyList<string> scopes)
    {
        var n = Copy(buffer, lowerPrefix);
        for (var i = 0; i < scopes.Count; i++)
        {
            if (i > 0)
            {
                buffer[n++] = ' ';
            }

            n += Segment(buffer[n..], scopes[i], lower: true);
        }

        return n;
    }

    /// <summary>Proposal: a correlation id needs uniqueness, not unpredictability (RFC 9562 version 4 layout).</summary>
    public static Guid NonCryptoGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>The shape of AcquireAsync on a hit: two awaits of completed ValueTasks, then a Task of the result.</summary>
    public static async Task<AuthenticationResult> AsyncShellAsync(object authority, object token, AuthenticationResult result)
    {
        var a = await new ValueTask<object>(authority).ConfigureAwait(false);
        var t = await new ValueTask<object>(token).ConfigureAwait(false);
        return a is null || t is null ? throw new InvalidOperationException() : result;
    }

    private static int Segment(Span<char> destination, string value, bool lower) =>
        lower ? value.AsSpan().ToLowerInvariant(destination) : Copy(destination, value);

    private static int Copy(Span<char> destination, string value) => value.AsSpan().TryCopyTo(destination) ? value.Length : -1;
}
