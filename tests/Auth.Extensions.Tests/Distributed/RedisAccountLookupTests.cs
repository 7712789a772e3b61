using System.Text;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;
using Auth.Server;
using Auth.Testing;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>
/// Account lookups and removal over a real redis-server, each on a fresh app instance that never saw the
/// account (another server of the farm, or the app after a restart): alice signed in on the first instance.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RedisAccountLookupTests : IDisposable
{
    private static readonly FakeUser Alice = new() { Username = "alice@contoso.com", Password = "Wonderland-1", Name = "Alice Liddell" };
    private readonly TokenApps _apps = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly List<IDisposable> _owned = [];
    private RedisServer _server = null!;
    private AccountInfo _alice = null!;

    public void Dispose()
    {
        _owned.Reverse();
        _owned.ForEach(d => d.Dispose());
        _apps.Dispose();
        _logs.Dispose();
    }

    [SetUp]
    public async Task SignAliceInAsync()
    {
        _server = Own(await RedisServer.StartAsync());
        _apps.Authority.SignInAs(Alice);
        _alice = (await AuthCodeSignIn.SignInAsync(_apps.Authority, Instance())).Account!;
    }

    [Test]
    public async Task GetAccountByHomeId_FreshInstance_FindsAlice()
    {
        var found = await Instance().GetTokenCache().GetAccountByHomeIdAsync(_alice.HomeAccountId);

        found.Should().NotBeNull();
        found!.Username.Should().Be(Alice.Username);
        found.IdTokenClaims.Should().ContainKey("oid");
    }

    [Test]
    public async Task GetAccountByLocalId_FreshInstance_FindsAliceThroughHerAliasInRedis()
    {
        var alias = await ReadAsync(TokenApps.StorageKey("local:" + Alice.ObjectId));

        var found = await Instance().GetTokenCache().GetAccountByLocalIdAsync(Alice.ObjectId);

        alias.Should().Contain(_alice.HomeAccountId).And.NotContain("secret", "the alias holds the account entry only, no token");
        found.Should().NotBeNull();
        found!.HomeAccountId.Should().Be(_alice.HomeAccountId);
        found.Username.Should().Be(Alice.Username);
        _logs.Warnings.Should().OnlyContain(w => w.EventId == 3108, "the only warning is that the store is unencrypted");
    }

    [Test]
    public async Task AcquireTokenSilent_FreshInstanceFindsAliceByLocalId_IsServedFromRedis()
    {
        var app = Instance();
        var account = await app.GetTokenCache().GetAccountByLocalIdAsync(Alice.ObjectId) ?? throw new AssertionException("alice was not found by her local id");

        var result = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = AuthCodeSignIn.Scopes, Account = account });

        result.Source.Should().Be(TokenSource.Cache);
        _apps.Authority.TokenRequests.Should().ContainSingle("only the sign-in reached the authority");
    }

    [Test]
    public async Task RemoveAccount_FreshInstance_ClearsAliceFromRedis()
    {
        await Instance().GetTokenCache().RemoveAccountAsync(_alice);

        var later = Instance();
        (await later.GetTokenCache().GetAccountByHomeIdAsync(_alice.HomeAccountId)).Should().BeNull();
        (await later.GetTokenCache().GetAccountByLocalIdAsync(Alice.ObjectId)).Should().BeNull();
        var silent = () => later.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = AuthCodeSignIn.Scopes, Account = _alice });
        (await silent.Should().ThrowAsync<InteractionRequiredException>()).Which.Code.Should().Be(AuthErrorCodes.NoTokensFound);
        (await ReadAsync(TokenApps.StorageKey(_alice.HomeAccountId))).Should().NotContain(_alice.HomeAccountId).And.NotContain("secret");
        (await ReadAsync(TokenApps.StorageKey("local:" + Alice.ObjectId))).Should().NotContain(_alice.HomeAccountId);
    }

    [Test]
    public async Task RemoveAccount_OnAnotherInstance_TheInstanceThatSignedAliceInForgetsHerOnceItsMemoryCopyIsOlderThanMemoryCacheDuration()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var signer = Instance(time);
        await signer.GetTokenCache().GetAccountByHomeIdAsync(_alice.HomeAccountId);

        await Instance().GetTokenCache().RemoveAccountAsync(_alice);
        var withinDuration = await signer.GetTokenCache().GetAccountByHomeIdAsync(_alice.HomeAccountId);
        time.Advance(new DistributedTokenCacheOptions().MemoryCacheDuration);

        withinDuration.Should().NotBeNull("the signer's memory copy is served without Redis for MemoryCacheDuration");
        (await signer.GetTokenCache().GetAccountByHomeIdAsync(_alice.HomeAccountId)).Should().BeNull("then the lookup loads the saved removal");
        (await signer.GetTokenCache().GetAccountByLocalIdAsync(Alice.ObjectId)).Should().BeNull();
    }

    [Test]
    public async Task GetAllAccounts_FreshInstance_ListsOnlyTheAccountsItLoaded()
    {
        var app = Instance();

        var before = await app.GetTokenCache().GetAllAccountsAsync();
        await app.GetTokenCache().GetAccountByHomeIdAsync(_alice.HomeAccountId);
        var after = await app.GetTokenCache().GetAllAccountsAsync();

        before.Should().BeEmpty("a distributed cache is not enumerated");
        after.Select(a => a.Username).Should().Equal(Alice.Username);
    }

    private ConfidentialClientApplication Instance(TimeProvider? time = null) => _apps.App(new DistributedTokenCachePlugin(Client(), loggerFactory: _logs), time: time);

    private async Task<string> ReadAsync(string key) =>
        Encoding.UTF8.GetString(await Client().GetAsync(key) ?? throw new AssertionException($"Redis holds no {key}"));

    private RedisCache Client() => Own(_server.CreateClient());

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
