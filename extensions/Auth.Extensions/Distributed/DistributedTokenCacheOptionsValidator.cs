using Microsoft.Extensions.Options;

namespace Auth.Extensions.Distributed;

/// <summary>Checks <see cref="DistributedTokenCacheOptions"/> and reports every problem at once.</summary>
internal sealed class DistributedTokenCacheOptionsValidator : IValidateOptions<DistributedTokenCacheOptions>
{
    private static readonly TimeSpan MaxOperationTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, DistributedTokenCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(DistributedTokenCacheOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"The distributed token cache options have {problems.Count} problem(s): {string.Join(" ", problems)}",
                nameof(options));
        }
    }

    public static List<string> Problems(DistributedTokenCacheOptions options)
    {
        var problems = new List<string>();
        if (options.KeyPrefix is null)
        {
            problems.Add("KeyPrefix must not be null (use an empty string for no prefix).");
        }

        if (options.SlidingExpiration is { } sliding && sliding <= TimeSpan.Zero)
        {
            problems.Add("SlidingExpiration must be positive, or null for none.");
        }

        if (options.AbsoluteExpirationRelativeToNow is { } absolute && absolute <= TimeSpan.Zero)
        {
            problems.Add("AbsoluteExpirationRelativeToNow must be positive, or null for none.");
        }

        if (options.EncryptionKey is { } key && key.Length != AesGcmBlobCodec.KeySize)
        {
            problems.Add($"EncryptionKey must be {AesGcmBlobCodec.KeySize} bytes (AES-256), not {key.Length}; or null to store unencrypted.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > MaxOperationTimeout)
        {
            problems.Add("OperationTimeout must be more than 0 and at most 5 minutes.");
        }

        if (options.OutageCooldown < TimeSpan.Zero)
        {
            problems.Add("OutageCooldown must not be negative (0 turns it off).");
        }

        if (options.MemoryCacheDuration < TimeSpan.Zero)
        {
            problems.Add("MemoryCacheDuration must not be negative (0 turns the memory level off).");
        }

        if (options.MemoryCachePartitionLimit < 1)
        {
            problems.Add("MemoryCachePartitionLimit must be at least 1.");
        }

        return problems;
    }
}
