using System.Security.Cryptography;
using System.Text;

namespace Auth.Extensions.Logging;

/// <summary>
/// Names a cache partition in a log line. An app-token partition
/// (<c>{clientId}_{tenant}_AppTokenCache</c>) names no person and is logged as it is. Any other
/// partition key is a user's home account id (in OIDC mode built from <c>sub</c>, which some
/// identity providers fill with an e-mail address), a local account alias or an on-behalf-of
/// assertion hash: it is logged as <c>user#</c> and the first 12 hex digits of the SHA-256 of
/// its UTF-8 bytes. The label is stable across instances and restarts, so the lines of one
/// partition can be followed, and an operator who knows a user's home account id can compute it.
/// </summary>
internal static class PartitionLabel
{
    private const int HashBytes = 6;

    public static string Of(string partitionKey, bool isApplicationCache) =>
        isApplicationCache ? partitionKey : "user#" + Hash(partitionKey);

    private static string Hash(string partitionKey)
    {
        const int StackLimit = 256;
        var length = Encoding.UTF8.GetByteCount(partitionKey);
        Span<byte> utf8 = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
        utf8 = utf8[..Encoding.UTF8.GetBytes(partitionKey, utf8)];
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, digest);
        return Convert.ToHexString(digest[..HashBytes]);
    }
}
