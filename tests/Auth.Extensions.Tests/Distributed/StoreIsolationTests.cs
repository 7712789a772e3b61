using System.Security.Cryptography;
using System.Text;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;
using Auth.Server;
using Auth.Testing;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>
/// Two apps (two client ids) on one store with the default key prefix, and entries an instance cannot
/// read: each app reads and writes only its own entries; an unreadable entry is never removed.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class StoreIsolationTests : IDisposable
{
    private static readonly FakeUser Alice = new() { Username = "alice@contoso.com", Password = "Wonderland-1", Name = "Alice Liddell" };
    private readonly TokenApps _apps = new();
    private readonly RecordingDistributedCache _store = new();
    private readonly CapturingLoggerFactory _logs = new();

    public StoreIsolationTests() => _apps.Authority.SignInAs(Alice);

    public void Dispose()
    {
        _apps.Dispose();
        _logs.Dispose();
    }

    [Test]
    public async Task SignIn_StoresTheUserUnderPrefixClientIdAndHomeAccountId()
    {
        var alice = (await AuthCodeSignIn.SignInAsync(_apps.Authority, App(null))).Account!;

        _store.Keys.Should().Contain($"auth-tokens:{TokenApps.ClientId}:{alice.HomeAccountId}")
            .And.Contain($"auth-tokens:{TokenApps.ClientId}:local:{alice.LocalAccountId}")
            .And.OnlyContain(k => k.StartsWith($"auth-tokens:{TokenApps.ClientId}:", StringComparison.Ordinal));
    }

    [Test]
    public async Task GetAccountByHomeId_AnotherAppOnTheSameStore_DoesNotSeeTheUser()
    {
        var alice = (await AuthCodeSignIn.SignInAsync(_apps.Authority, App(null))).Account!;

        var seenByOtherApp = await App(null, TokenApps.OtherClientId).GetTokenCache().GetAccountByHomeIdAsync(alice.HomeAccountId);
        var seenByOtherAppByLocalId = await App(null, TokenApps.OtherClientId).GetTokenCache().GetAccountByLocalIdAsync(alice.LocalAccountId!);

        seenByOtherApp.Should().BeNull("another app must not read this app's user entries, refresh token included");
        seenByOtherAppByLocalId.Should().BeNull();
        (await App(null).GetTokenCache().GetAccountByHomeIdAsync(alice.HomeAccountId)).Should().NotBeNull();
    }

    [Test]
    public async Task SignIn_TwoAppsWithTheirOwnKeysOnOneStore_NeitherRemovesNorReplacesTheOthersEntry()
    {
        var keyA = TokenApps.NewKey();
        var keyB = TokenApps.NewKey();
        var alice = (await AuthCodeSignIn.SignInAsync(_apps.Authority, App(keyA))).Account!;

        await AuthCodeSignIn.SignInAsync(_apps.Authority, App(keyB, TokenApps.OtherClientId));
        var silent = await App(keyA).AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = AuthCodeSignIn.Scopes, Account = alice });

        silent.Source.Should().Be(TokenSource.Cache, "app A's entry survived app B's sign-in of the same user");
        _store.Removals.Should().BeEmpty();
        _logs.Warnings.Should().NotContain(w => w.EventId == 3101, "neither app reads an entry of the other");
        _store.Keys.Should().Contain(TokenApps.StorageKey(alice.HomeAccountId, TokenApps.ClientId))
            .And.Contain(TokenApps.StorageKey(alice.HomeAccountId, TokenApps.OtherClientId));
    }

    [Test]
    public async Task GetAccountByHomeId_InstanceWithAnotherKey_LeavesTheEntryForTheInstancesThatCanReadIt()
    {
        var key = TokenApps.NewKey();
        var alice = (await AuthCodeSignIn.SignInAsync(_apps.Authority, App(key))).Account!;
        var blob = await _store.GetAsync(TokenApps.StorageKey(alice.HomeAccountId));

        var seenWithOtherKey = await App(TokenApps.NewKey()).GetTokenCache().GetAccountByHomeIdAsync(alice.HomeAccountId);
        var silent = await App(key).AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = AuthCodeSignIn.Scopes, Account = alice });

        seenWithOtherKey.Should().BeNull();
        _logs.Warnings.Should().Contain(w => w.EventId == 3101 && w.Message.Contains("left in place"));
        _store.Removals.Should().BeEmpty();
        (await _store.GetAsync(TokenApps.StorageKey(alice.HomeAccountId))).Should().Equal(blob);
        silent.Source.Should().Be(TokenSource.Cache);
    }

    [Test]
    public async Task AcquireToken_UnreadableEntryThenNewToken_TheSaveReplacesTheEntry()
    {
        await _apps.App(Plugin(TokenApps.NewKey())).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var key = TokenApps.NewKey();

        var fetched = await _apps.App(Plugin(key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var again = await _apps.App(Plugin(key)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        fetched.Source.Should().Be(TokenSource.IdentityProvider);
        again.Source.Should().Be(TokenSource.Cache);
        again.AccessToken.Should().Be(fetched.AccessToken);
        _store.Removals.Should().BeEmpty();
        _store.Writes.Select(w => w.Key).Should().Equal(_apps.AppStorageKey(), _apps.AppStorageKey());
    }

    [Test]
    public async Task AcquireToken_Unencrypted_EachPluginInstanceWarnsOnce()
    {
        var plugin = Plugin(null);
        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.OtherRequest);
        var afterFirstPlugin = _logs.Warnings.Count(w => w.EventId == 3108);

        await _apps.App(Plugin(null)).AcquireTokenByClientCredentialAsync(TokenApps.Request with { SkipCache = true });

        _store.Writes.Should().HaveCount(3);
        afterFirstPlugin.Should().Be(1);
        _logs.Warnings.Where(w => w.EventId == 3108).Should().HaveCount(2)
            .And.AllSatisfy(w => w.Message.Should().Contain("unencrypted").And.Contain("EncryptionKey"));
    }

    [Test]
    public async Task AcquireToken_Encrypted_DoesNotWarnAboutUnencryptedStorage()
    {
        var plugin = Plugin(TokenApps.NewKey());

        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        _store.Writes.Should().ContainSingle();
        _logs.Warnings.Should().BeEmpty();
    }

    [Test]
    public async Task Logs_UserPartitions_AreNamedByAHashOfTheirKeyNeverByTheKey()
    {
        var key = TokenApps.NewKey();
        var alice = (await AuthCodeSignIn.SignInAsync(_apps.Authority, App(key))).Account!;

        await App(TokenApps.NewKey()).GetTokenCache().GetAccountByHomeIdAsync(alice.HomeAccountId);

        var unreadable = _logs.Warnings.Should().ContainSingle(w => w.EventId == 3101).Which;
        unreadable.Message.Should().Contain("user#" + Sha256Prefix(alice.HomeAccountId));
        _logs.Entries.Should().Contain(e => e.EventId == 3106, "saves are logged (at Debug)");
        foreach (var personal in new[] { alice.HomeAccountId, alice.LocalAccountId!, Alice.Username })
        {
            _logs.Entries.Should().NotContain(e => e.Everything.Contains(personal, StringComparison.OrdinalIgnoreCase), personal);
        }
    }

    [Test]
    public async Task Logs_AppPartitions_AreNamedByTheirKey()
    {
        await _apps.App(Plugin(null)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        _logs.Entries.Should().Contain(e => e.EventId == 3106 && e.Message.Contains(_apps.AppPartition()));
    }

    [Test]
    public void StorageKey_ColonInClientId_IsEscapedSoNoTwoPairsShareAKey()
    {
        var a = StorageKey.For("p:", "a:b", "c");
        var b = StorageKey.For("p:", "a", "b:c");
        var c = StorageKey.For("p:", "a%3Ab", "c");

        a.Should().Be("p:a%3Ab:c");
        new[] { a, b, c }.Should().OnlyHaveUniqueItems();
        StorageKey.For("auth-tokens:", "6731de76-14a6-49ae-97bc-6eba6914391e", "x").Should().Be("auth-tokens:6731de76-14a6-49ae-97bc-6eba6914391e:x");
    }

    private static string Sha256Prefix(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];

    private DistributedTokenCachePlugin Plugin(byte[]? key) => new(_store, new DistributedTokenCacheOptions { EncryptionKey = key }, _logs);

    private ConfidentialClientApplication App(byte[]? key, string clientId = TokenApps.ClientId) => _apps.App(Plugin(key), clientId);
}
