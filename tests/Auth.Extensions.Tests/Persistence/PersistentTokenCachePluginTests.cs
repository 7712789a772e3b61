using System.Security.Cryptography;
using Auth.Common.Errors;
using Auth.Common.Responses;
using Auth.Extensions.Persistence;
using Auth.Extensions.Tests.TestDoubles;
using Auth.Testing;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>The plugin under real applications against FakeAuthority over HTTPS.</summary>
[TestFixture]
public sealed class PersistentTokenCachePluginTests
{
    private TokenApps _apps = null!;
    private TempDirectory _dir = null!;
    private CapturingLoggerFactory _logs = null!;
    private byte[] _key = null!;

    [SetUp]
    public void SetUp()
    {
        _apps = new TokenApps();
        _dir = new TempDirectory();
        _logs = new CapturingLoggerFactory();
        _key = RandomNumberGenerator.GetBytes(32);
    }

    [TearDown]
    public void TearDown()
    {
        _apps.Dispose();
        _dir.Dispose();
        _logs.Dispose();
    }

    [Test]
    public async Task AcquireToken_NewAppInstance_IsServedFromTheEncryptedFile()
    {
        await _apps.App(Plugin()).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(Plugin()).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.Source.Should().Be(TokenSource.Cache);
        _apps.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task AcquireToken_TwoClientsOneFile_KeepsBothPartitions()
    {
        var first = await _apps.App(Plugin()).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        await _apps.App(Plugin(), TokenApps.OtherClientId).AcquireTokenByClientCredentialAsync(TokenApps.OtherRequest);

        var again = await _apps.App(Plugin()).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var otherAgain = await _apps.App(Plugin(), TokenApps.OtherClientId).AcquireTokenByClientCredentialAsync(TokenApps.OtherRequest);

        again.AccessToken.Should().Be(first.AccessToken);
        otherAgain.Source.Should().Be(TokenSource.Cache);
        EncryptedCacheFile.Count(EncryptedCacheFile.Read(_dir.CacheFile, _key), "AccessToken").Should().Be(2);
        (await File.ReadAllTextAsync(_dir.CacheFile)).Should().NotContain(first.AccessToken);
    }

    [Test]
    public async Task AcquireToken_CacheUnchanged_DoesNotRewriteTheFile()
    {
        await _apps.App(Plugin()).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var before = await File.ReadAllBytesAsync(_dir.CacheFile);

        await _apps.App(Plugin()).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        (await File.ReadAllBytesAsync(_dir.CacheFile)).Should().Equal(before);
    }

    [Test]
    public async Task AcquireToken_CorruptFile_IsSetAsideAndTheCallSucceeds()
    {
        await File.WriteAllBytesAsync(_dir.CacheFile, RandomNumberGenerator.GetBytes(200));

        var result = await _apps.App(Plugin()).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        File.Exists(_dir.CacheFile + ".corrupt").Should().BeTrue();
        EncryptedCacheFile.Count(EncryptedCacheFile.Read(_dir.CacheFile, _key), "AccessToken").Should().Be(1);
        _logs.Warnings.Should().Contain(e => e.EventId == 3120);
    }

    [Test]
    public async Task AcquireToken_LockHeldElsewhere_FailsWithLockTimeoutCode()
    {
        using var held = LockFile.TryOpen(_dir.LockFile)!;
        var plugin = Plugin(TimeSpan.FromMilliseconds(200));

        var act = () => _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(PersistenceErrorCodes.CacheLockTimeout);
    }

    [Test]
    public async Task AcquireToken_AfterLockTimeout_NextCallWorks()
    {
        var plugin = Plugin(TimeSpan.FromMilliseconds(200));
        using (LockFile.TryOpen(_dir.LockFile))
        {
            await FluentActions.Awaiting(() => _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request)).Should().ThrowAsync<AuthClientException>();
        }

        var result = await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        result.AccessToken.Should().NotBeEmpty();
    }

    [Test]
    public async Task GetAllAccounts_FreshInstance_ListsEveryAccountInTheFile()
    {
        var (alice, bob) = await SignInTwoUsersAsync();

        var accounts = await _apps.App(Plugin()).GetTokenCache().GetAllAccountsAsync();

        accounts.Select(a => a.HomeAccountId).Should().BeEquivalentTo([alice.HomeAccountId, bob.HomeAccountId]);
    }

    [Test]
    public async Task GetAccountByLocalId_FreshInstance_FindsTheAccountInTheFile()
    {
        var (_, bob) = await SignInTwoUsersAsync();

        var found = await _apps.App(Plugin()).GetTokenCache().GetAccountByLocalIdAsync(bob.LocalAccountId!);

        found.Should().NotBeNull();
        found!.HomeAccountId.Should().Be(bob.HomeAccountId);
    }

    [Test]
    public async Task RemoveAccount_FreshInstance_LeavesTheOtherAccountInTheFile()
    {
        var (alice, bob) = await SignInTwoUsersAsync();

        await _apps.App(Plugin()).GetTokenCache().RemoveAccountAsync(alice);

        var accounts = await _apps.App(Plugin()).GetTokenCache().GetAllAccountsAsync();
        accounts.Select(a => a.HomeAccountId).Should().Equal(bob.HomeAccountId);
        EncryptedCacheFile.Count(EncryptedCacheFile.Read(_dir.CacheFile, _key), "Account").Should().Be(1);
    }

    [Test]
    public async Task SignIn_LogsNameUserPartitionsByAHashNeverByTheirAccountId()
    {
        var (alice, bob) = await SignInTwoUsersAsync();

        _logs.Entries.Should().Contain(e => e.EventId == 3126 && e.Message.Contains("user#" + Sha256Prefix(alice.HomeAccountId)));
        foreach (var personal in new[] { alice.HomeAccountId, alice.LocalAccountId!, bob.HomeAccountId, bob.LocalAccountId!, "alice@contoso.com", "bob@contoso.com" })
        {
            _logs.Entries.Should().NotContain(e => e.Everything.Contains(personal, StringComparison.OrdinalIgnoreCase), personal);
        }
    }

    private static string Sha256Prefix(string value) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..12];

    /// <summary>Signs two users in, each on its own app instance over the one file.</summary>
    private async Task<(AccountInfo Alice, AccountInfo Bob)> SignInTwoUsersAsync()
    {
        _apps.Authority.SignInAs(new FakeUser { Username = "alice@contoso.com", Password = "Wonderland-1" });
        var alice = (await AuthCodeSignIn.SignInAsync(_apps.Authority, _apps.App(Plugin()))).Account!;
        _apps.Authority.SignInAs(new FakeUser { Username = "bob@contoso.com", Password = "Builder-1" });
        var bob = (await AuthCodeSignIn.SignInAsync(_apps.Authority, _apps.App(Plugin()))).Account!;
        return (alice, bob);
    }

    private PersistentTokenCachePlugin Plugin(TimeSpan? lockTimeout = null) => new(
        new EncryptedFilePersistence(_dir.CacheFile, new ExplicitKeyStore(_key), _logs),
        new PersistentTokenCacheOptions { LockFilePath = _dir.LockFile, LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30) },
        _logs);
}
