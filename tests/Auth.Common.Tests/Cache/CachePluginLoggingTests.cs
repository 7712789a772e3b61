using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Tests.Cache;

/// <summary>A failing cache plugin's log line: a user partition (in OIDC mode the sub, sometimes an e-mail) is personal data.</summary>
[TestFixture]
public sealed class CachePluginLoggingTests
{
    private const string UserPartition = "alice@contoso.example";

    [Test]
    public async Task PluginFails_UserPartitionWithPiiOff_LogsNeitherTheKeyNorTheStoresMessage()
    {
        var logger = new ListLogger();
        var cache = new CacheAccessor(new TokenCacheStore(), new KeyNamingFailingPlugin(), "client1", logger, piiLogging: false);

        var act = async () => await cache.AccessAsync(UserPartition, isApplicationCache: false, static _ => (0, false), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.CachePluginFailed);
        error.InnerException!.Message.Should().Contain(UserPartition, "the app still gets the plugin's own exception");
        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error);
        logger.All.Should().NotContain(UserPartition).And.Contain(nameof(TimeoutException)).And.Contain("enable PII logging");
    }

    [Test]
    public async Task PluginFails_UserPartitionWithPiiOn_LogsTheKeyAndTheException()
    {
        var logger = new ListLogger();
        var cache = new CacheAccessor(new TokenCacheStore(), new KeyNamingFailingPlugin(), "client1", logger, piiLogging: true);

        var act = async () => await cache.AccessAsync(UserPartition, isApplicationCache: false, static _ => (0, false), CancellationToken.None);

        await act.Should().ThrowAsync<AuthClientException>();
        logger.All.Should().Contain(UserPartition);
    }

    [Test]
    public async Task PluginFails_AppPartition_LogsTheKey()
    {
        var logger = new ListLogger();
        var cache = new CacheAccessor(new TokenCacheStore(), new KeyNamingFailingPlugin(), "client1", logger, piiLogging: false);

        var act = async () => await cache.AccessAsync(PartitionName.App("client1", "tenant1"), isApplicationCache: true, static _ => (0, false), CancellationToken.None);

        await act.Should().ThrowAsync<AuthClientException>();
        logger.All.Should().Contain("client1_tenant1_AppTokenCache");
    }

    /// <summary>Fails the way a remote store does: its message names the key.</summary>
    private sealed class KeyNamingFailingPlugin : ITokenCachePlugin
    {
        public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken) =>
            throw new TimeoutException($"Timeout performing HMGET (5000ms), key: {context.PartitionKey}");

        public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
