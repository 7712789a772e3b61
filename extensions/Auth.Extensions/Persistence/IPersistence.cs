namespace Auth.Extensions.Persistence;

/// <summary>
/// Where the serialized token cache (MSAL unified cache JSON) lives between runs: a plaintext or
/// an encrypted file. <see cref="PersistentTokenCachePlugin"/> calls it under a cross-process lock.
/// </summary>
public interface IPersistence
{
    /// <summary>
    /// Reads the cache. A missing or empty store gives <see langword="null"/>; so does content that
    /// cannot be read (corrupt, tampered with, another key, a newer format), which is logged and set
    /// aside as <c>*.corrupt</c> instead of failing the app.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cache JSON, or null.</returns>
    Task<string?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored cache with <paramref name="json"/>, atomically and readable by the owner only.</summary>
    /// <param name="json">The whole cache JSON.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the cache is stored.</returns>
    Task SaveAsync(string json, CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored cache (not its encryption key); nothing happens when there is none.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the cache is deleted.</returns>
    Task DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes, reads back and deletes a probe beside the cache (and a probe key in the key store),
    /// without touching the cache itself. Never throws for an unusable store: the result says why.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the store works, and why not.</returns>
    Task<PersistenceVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
