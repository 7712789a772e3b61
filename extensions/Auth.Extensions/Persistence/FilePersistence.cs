using System.Text;
using Auth.Extensions.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Stores the token cache as a <b>plaintext</b> JSON file, readable by the owner only (mode 0600
/// on Unix; the user profile's ACL on Windows) and replaced atomically. Anyone who can read the
/// file as that user can use the tokens in it: use it only where no key store works and the app
/// has decided so (<see cref="PersistenceBuilder.UnsafeAllowUnencryptedFile"/>), never by default.
/// </summary>
public sealed class FilePersistence : IPersistence
{
    private readonly string _path;
    private readonly ILogger _logger;

    /// <summary>Creates the persistence.</summary>
    /// <param name="filePath">The cache file; its directory is created (0700) when missing.</param>
    /// <param name="loggerFactory">Where warnings about unreadable files go; default none.</param>
    public FilePersistence(string filePath, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        _path = Path.GetFullPath(filePath);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FilePersistence>();
    }

    /// <inheritdoc />
    public async Task<string?> LoadAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await AtomicFile.ReadAsync(_path, cancellationToken).ConfigureAwait(false);
        if (bytes is null || bytes.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (CacheJson.IsObject(text))
        {
            return text;
        }

        Log.CacheFileUnreadable(_logger, _path, AtomicFile.SetAside(_path), "it is not a JSON object");
        return null;
    }

    /// <inheritdoc />
    public Task SaveAsync(string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return AtomicFile.WriteAsync(_path, Encoding.UTF8.GetBytes(json), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        AtomicFile.TryDelete(_path);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PersistenceVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        FileProbe.RoundTripAsync(_path, static bytes => bytes, static bytes => bytes, cancellationToken);
}
