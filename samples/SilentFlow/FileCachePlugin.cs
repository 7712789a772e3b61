using Auth.Common.Cache;

namespace Samples;

/// <summary>
/// A minimal plaintext cache file for this sample only: readable by the owner alone (0600) and
/// replaced atomically. Real apps use Auth.Extensions' encrypted, cross-process-locked cache.
/// </summary>
internal sealed class FileCachePlugin(string path) : ITokenCachePlugin
{
    public async Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            context.TokenCache.Deserialize(await File.ReadAllTextAsync(path, cancellationToken));
        }
    }

    public async Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (!context.CacheHasChanged)
        {
            return;
        }

        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temp, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(context.TokenCache.Serialize().AsMemory(), cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }
}
