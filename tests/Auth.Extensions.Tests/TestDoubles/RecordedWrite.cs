using Microsoft.Extensions.Caching.Distributed;

namespace Auth.Extensions.Tests.TestDoubles;

/// <summary>One <see cref="IDistributedCache.SetAsync"/> call seen by <see cref="RecordingDistributedCache"/>.</summary>
internal sealed record RecordedWrite(string Key, byte[] Value, DistributedCacheEntryOptions Options);
