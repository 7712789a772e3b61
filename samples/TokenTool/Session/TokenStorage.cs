using Auth.Common.Errors;
using Auth.Extensions.Persistence;

namespace TokenTool.Session;

/// <summary>
/// The tool's token cache: <c>{cache dir}/tokens.cache</c>, AES-256-GCM encrypted by Auth.Extensions, with its key in
/// the OS key store (libsecret / gnome-keyring on Linux, DPAPI on Windows, the Keychain on macOS). A machine where the
/// key store does not work gets the key store's error; the tool never falls back to a plaintext file.
/// </summary>
internal static class TokenStorage
{
    /// <summary>The key store's application name (the libsecret schema is <c>{name}.TokenCache</c>, keyed by the cache path).</summary>
    public const string ApplicationName = "org.auth.samples.TokenTool";

    /// <summary>Opens the cache, after checking that a key round-trips through the key store.</summary>
    /// <exception cref="AuthClientException">A <see cref="PersistenceErrorCodes"/> code: no key store, no D-Bus session, locked keyring…</exception>
    public static async Task<PersistentTokenCachePlugin> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        var builder = new PersistenceBuilder(Path.Combine(directory, "tokens.cache")).WithPlatformKeyStore(ApplicationName);
        var verification = await builder.VerifyAsync(cancellationToken);
        if (!verification.IsUsable)
        {
            throw new AuthClientException(
                verification.ErrorCode ?? PersistenceErrorCodes.PersistenceUnusable,
                $"The token cache cannot be encrypted, and auth-token does not store tokens in plaintext. {verification.Reason}");
        }

        return new PersistentTokenCachePlugin(builder.Build(), new PersistentTokenCacheOptions { LockFilePath = builder.LockFilePath });
    }
}
