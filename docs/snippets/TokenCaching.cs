// Snippets of docs/token-caching.md. Lines marked "docs:hide" wire the test's fake authority and are left out of the page.
#region Usings
using System.Collections.Concurrent;
using Auth.Common.Cache;
using Auth.Server;
#endregion
#region DistributedUsings
using Auth.Extensions.DependencyInjection;
using Auth.Server.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
#endregion
#region FileUsings
using Auth.Extensions.Persistence;
#endregion
using Auth.Common.Platform;

namespace Auth.Docs.Snippets;

#region CustomPlugin
/// <summary>Keeps each partition's blob in a dictionary; a real store (a database, a blob container) works the same way.</summary>
public sealed class DictionaryTokenCachePlugin : ITokenCachePlugin
{
    private readonly ConcurrentDictionary<string, string> _blobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> StorageKeys => (IReadOnlyCollection<string>)_blobs.Keys; // docs:hide

    public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        // Load the partition about to be read or written; nothing stored yet is fine.
        if (_blobs.TryGetValue(StorageKey(context), out var json))
        {
            context.TokenCache.Deserialize(json);
        }

        return Task.CompletedTask;
    }

    public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        // Save only what changed: a cache hit changes nothing.
        if (context.CacheHasChanged)
        {
            _blobs[StorageKey(context)] = context.TokenCache.Serialize();
        }

        return Task.CompletedTask;
    }

    // One blob per partition; the client id keeps apps that share the store apart.
    private static string StorageKey(TokenCacheContext context) => $"{context.ClientId}:{context.PartitionKey}";
}
#endregion

public static class TokenCaching
{
    /// <summary>An application over a plugin: what it caches survives the application object.</summary>
    public static ConfidentialClientApplication CreateApp(ITokenCachePlugin plugin, string secret, INetworkClient network)
    {
        #region UsePlugin
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000003",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret(secret),
            CachePlugin = plugin, // one plugin for the process, or one per instance over a shared store
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    /// <summary>A web app or daemon whose instances share tokens through IDistributedCache.</summary>
    public static IServiceCollection AddDistributedCache(IServiceCollection services, byte[] encryptionKey, string secret, INetworkClient network)
    {
        #region Distributed
        services.AddDistributedMemoryCache(); // one process; a web farm: services.AddStackExchangeRedisCache(o => o.Configuration = "...")
        services.AddDistributedTokenCache(o =>
        {
            o.EncryptionKey = encryptionKey; // 32 bytes from a secret store; without it, partitions are stored as plain JSON
            o.MemoryCacheDuration = TimeSpan.FromMinutes(1); // hits are served from memory, with no store command, this long
        });
        services.AddConfidentialClient(o =>
        {
            o.ClientId = "00000000-0000-0000-0000-000000000003";
            o.Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";
            o.ClientCredential = ClientCredential.FromSecret(secret);
            o.NetworkClient = network; // docs:hide
        });
        // ConfidentialClientApplication from the container now keeps its tokens in the distributed cache.
        #endregion
        return services;
    }

    /// <summary>A desktop or command-line app whose tokens outlive the process, in an encrypted file.</summary>
    public static async Task<PublicClientApplication> CreateDesktopAppAsync(string directory, IKeyStore keyStore, INetworkClient network)
    {
        #region FileCache
        var cacheFile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Contoso", "tokens.cache");
        cacheFile = Path.Combine(directory, "tokens.cache"); // docs:hide
        var storage = new PersistenceBuilder(cacheFile)
            .WithPlatformKeyStore("com.contoso.tool"); // the key in libsecret (Linux), DPAPI (Windows) or the Keychain (macOS)
        storage.WithKeyStore(keyStore); // docs:hide
        var check = await storage.VerifyAsync();
        if (!check.IsUsable)
        {
            // For example key_store_unavailable over SSH. Your choice: fail, ExplicitKeyStore, or UnsafeAllowUnencryptedFile().
            throw new InvalidOperationException($"The token cache cannot be stored: {check.ErrorCode}, {check.Reason}");
        }

        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000004",
            Authority = "https://login.microsoftonline.com/organizations",
            CachePlugin = new PersistentTokenCachePlugin(storage.Build(), new PersistentTokenCacheOptions { LockFilePath = storage.LockFilePath }),
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }
}
