using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth.Common.Responses;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>AES-256-GCM blobs: what is stored, and entries that do not decrypt.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EncryptionTests : IDisposable
{
    private readonly TokenApps _apps = new();
    private readonly RecordingDistributedCache _store = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly byte[] _key = TokenApps.NewKey();

    public void Dispose() => _apps.Dispose();

    private string StorageKey => _apps.AppStorageKey();

    private DistributedTokenCachePlugin Plugin(byte[]? key) =>
        new(_store, new DistributedTokenCacheOptions { EncryptionKey = key }, _logs);

    [Test]
    public async Task AfterCacheAccess_WithKey_StoresAVersionedBlobWithoutTheTokenAndNotJson()
    {
        var result = await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var blob = _store.Writes.Single().Value;
        blob.AsSpan(0, 3).ToArray().Should().Equal((byte)'A', (byte)'T', (byte)1);
        Encoding.Latin1.GetString(blob).Should().NotContain(result.AccessToken).And.NotContain("AccessToken");
        FluentActions.Invoking(() => JsonDocument.Parse(blob)).Should().Throw<JsonException>();
    }

    [Test]
    public async Task AfterCacheAccess_WithKey_BlobDecryptsWithTheDocumentedLayoutToTheCacheJson()
    {
        var result = await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var blob = _store.Writes.Single().Value;

        var json = Decrypt(blob, _key, StorageKey);

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("AccessToken").EnumerateObject().Single().Value.GetProperty("secret").GetString()
            .Should().Be(result.AccessToken);
    }

    [Test]
    public async Task AfterCacheAccess_EachWrite_UsesAFreshRandomNonce()
    {
        var plugin = Plugin(_key);
        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request with { SkipCache = true });

        var nonces = _store.Writes.Select(w => Convert.ToHexString(w.Value, 3, 12)).ToList();
        nonces.Should().HaveCount(2).And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task AcquireToken_SameKeyOnAnotherInstance_ServedFromStore()
    {
        await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(Plugin((byte[])_key.Clone())).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.Source.Should().Be(TokenSource.Cache);
        _apps.TokenRequests.Should().Be(1);
        _logs.Warnings.Should().BeEmpty();
    }

    [Test]
    public async Task BeforeCacheAccess_WrongKey_WarnsKeepsTheEntryAndFetchesANewToken()
    {
        await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(Plugin(TokenApps.NewKey())).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.Source.Should().Be(TokenSource.IdentityProvider);
        _apps.TokenRequests.Should().Be(2);
        _store.Removals.Should().BeEmpty();
        _logs.Warnings.Should().Contain(w => w.EventId == 3101 && w.Message.Contains("does not decrypt"));
    }

    [Test]
    public async Task BeforeCacheAccess_TamperedBlob_WarnsAndFetchesANewToken()
    {
        await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var blob = (byte[])_store.Writes.Single().Value.Clone();
        blob[^1] ^= 0x01;
        _store.Plant(StorageKey, blob);

        var second = await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.Source.Should().Be(TokenSource.IdentityProvider);
        _logs.Warnings.Should().Contain(w => w.EventId == 3101);
    }

    [Test]
    public async Task BeforeCacheAccess_BlobMovedToAnotherPartition_DoesNotDecrypt()
    {
        await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        _store.Plant(_apps.AppStorageKey(TokenApps.OtherClientId), _store.Writes.Single().Value);

        var other = await _apps.App(Plugin(_key), TokenApps.OtherClientId).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        other.Source.Should().Be(TokenSource.IdentityProvider);
        _logs.Warnings.Should().Contain(w => w.EventId == 3101);
    }

    [Test]
    public async Task BeforeCacheAccess_EncryptedEntryWithoutConfiguredKey_WarnsThatNoKeyIsConfigured()
    {
        await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(Plugin(null)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.Source.Should().Be(TokenSource.IdentityProvider);
        _logs.Warnings.Should().Contain(w => w.EventId == 3101 && w.Message.Contains("no EncryptionKey"));
    }

    [Test]
    public async Task BeforeCacheAccess_PlainEntryWithKeyConfigured_IsNotTrusted()
    {
        await _apps.App(Plugin(null)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.Source.Should().Be(TokenSource.IdentityProvider);
        _logs.Warnings.Should().Contain(w => w.EventId == 3101);
    }

    [Test]
    public async Task BeforeCacheAccess_WrongKey_LogsNeitherTokenNorKey()
    {
        var first = await _apps.App(Plugin(_key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var otherKey = TokenApps.NewKey();

        var second = await _apps.App(Plugin(otherKey)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var everything = string.Join("\n", _logs.Entries.Select(e => e.Everything));
        everything.Should().NotBeEmpty();
        foreach (var secret in new[] { first.AccessToken, second.AccessToken, Convert.ToBase64String(_key), Convert.ToHexString(_key), Convert.ToBase64String(otherKey), Convert.ToHexString(otherKey) })
        {
            everything.Should().NotContain(secret);
        }
    }

    /// <summary>Decrypts by the layout the codec documents, independently of the codec.</summary>
    private static string Decrypt(byte[] blob, byte[] key, string storageKey)
    {
        var associated = blob.AsSpan(0, 3).ToArray().Concat(Encoding.UTF8.GetBytes(storageKey)).ToArray();
        var plaintext = new byte[blob.Length - 31];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(blob.AsSpan(3, 12), blob.AsSpan(31), blob.AsSpan(15, 16), plaintext, associated);
        return Encoding.UTF8.GetString(plaintext);
    }
}
