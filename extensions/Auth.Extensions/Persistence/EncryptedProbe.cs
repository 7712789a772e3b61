using System.Security.Cryptography;
using Auth.Common.Errors;
using Auth.Extensions.Distributed;

namespace Auth.Extensions.Persistence;

/// <summary>
/// The verification of an <see cref="EncryptedFilePersistence"/>: a random probe key goes through
/// the key store's probe place and back, then a probe file is encrypted with it, read and decrypted.
/// </summary>
internal static class EncryptedProbe
{
    public static async Task<PersistenceVerification> VerifyAsync(string cachePath, IKeyStore probeStore, CancellationToken cancellationToken)
    {
        var key = RandomNumberGenerator.GetBytes(ExplicitKeyStore.KeySize);
        try
        {
            await probeStore.StoreKeyAsync(key, cancellationToken).ConfigureAwait(false);
            var read = await probeStore.LoadKeyAsync(cancellationToken).ConfigureAwait(false);
            if (read is null || !read.AsSpan().SequenceEqual(key))
            {
                return PersistenceVerification.Unusable(
                    PersistenceErrorCodes.PersistenceUnusable,
                    "A probe key was written to the key store but read back different or not at all. On Linux this happens when libsecret is installed but no Secret Service (gnome-keyring, KWallet) answers on the D-Bus session.");
            }
        }
        catch (AuthException ex)
        {
            return PersistenceVerification.Unusable(ex.Code, ex.Message);
        }
        finally
        {
            await TryDeleteAsync(probeStore, cancellationToken).ConfigureAwait(false);
        }

        var codec = new AesGcmBlobCodec(key, CacheFileBinding.Version);
        var associatedData = CacheFileBinding.AssociatedData(FileProbe.PathOf(cachePath));
        return await FileProbe.RoundTripAsync(
            cachePath,
            probe => codec.Encode(Convert.ToBase64String(probe), associatedData),
            blob => codec.TryDecode(blob, associatedData, out var text, out _) ? Convert.FromBase64String(text) : null,
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task TryDeleteAsync(IKeyStore probeStore, CancellationToken cancellationToken)
    {
        try
        {
            await probeStore.DeleteKeyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AuthException)
        {
            // The store already failed above; its failure is what the verification reports.
        }
    }
}
