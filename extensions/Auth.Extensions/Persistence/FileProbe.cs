using System.Security.Cryptography;
using Auth.Common.Errors;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Writes a random probe to <c>{cache}.probe</c> through the same encoding as the cache, reads it
/// back, compares and deletes it: the cache file itself is never touched.
/// </summary>
internal static class FileProbe
{
    /// <summary>Gets the probe file of the cache at <paramref name="cachePath"/>.</summary>
    public static string PathOf(string cachePath) => cachePath + ".probe";

    public static async Task<PersistenceVerification> RoundTripAsync(
        string cachePath, Func<byte[], byte[]> encode, Func<byte[], byte[]?> decode, CancellationToken cancellationToken)
    {
        var probePath = PathOf(cachePath);
        var probe = RandomNumberGenerator.GetBytes(32);
        try
        {
            await AtomicFile.WriteAsync(probePath, encode(probe), cancellationToken).ConfigureAwait(false);
            var read = await AtomicFile.ReadAsync(probePath, cancellationToken).ConfigureAwait(false);
            var decoded = read is null ? null : decode(read);
            return decoded is not null && decoded.AsSpan().SequenceEqual(probe)
                ? PersistenceVerification.Usable
                : PersistenceVerification.Unusable(PersistenceErrorCodes.PersistenceUnusable, $"A probe written to {probePath} read back different or not at all.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PersistenceVerification.Unusable(
                PersistenceErrorCodes.PersistenceUnusable,
                $"The cache directory is not usable: writing {probePath} failed ({ex.Message}). Check its permissions and free space.");
        }
        catch (AuthException ex)
        {
            return PersistenceVerification.Unusable(ex.Code, ex.Message);
        }
        finally
        {
            AtomicFile.TryDelete(probePath);
        }
    }
}
