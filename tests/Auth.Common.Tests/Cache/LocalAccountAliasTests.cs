using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Cache;

/// <summary>
/// Account lookups and removal through a partitioned plugin store, on the instance that signed the user in
/// and on a fresh instance that shares only the store (another server of a web farm, or the app after a restart).
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class LocalAccountAliasTests
{
    private const string Home = "oid-1.tid-1";
    private const string LocalId = "oid-1";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly DictionaryPlugin _plugin = new();
    private readonly UserTokenServer _server;

    public LocalAccountAliasTests() => _server = new UserTokenServer(_time);

    [Test]
    public async Task SignIn_NewAccount_SavesItsHomePartitionAndAnAliasHoldingOnlyTheAccount()
    {
        await SignInAsync(Instance());

        _plugin.Saves.Should().Equal(Home, "local:oid-1");
        _plugin.Blobs["local:oid-1"].Should().Contain("\"Account\":{\"oid-1.tid-1-login.example.com-tid-1\"")
            .And.NotContain("secret").And.NotContain("AccessToken").And.NotContain("AppMetadata");
    }

    [Test]
    public async Task SignIn_AccountAlreadyInItsPartition_SavesNoAlias()
    {
        await SignInAsync(Instance());
        _plugin.ResetCounts();

        await SignInAsync(Instance());

        _plugin.Saves.Should().Equal(Home);
        _plugin.Loads.Should().Equal(Home);
    }

    [Test]
    public async Task GetAccountByLocalId_FreshInstance_FindsTheAccountThroughItsAlias()
    {
        await SignInAsync(Instance());
        _plugin.ResetCounts();

        var found = await Cache(Instance()).GetAccountByLocalIdAsync("OID-1");

        found.Should().NotBeNull();
        found!.HomeAccountId.Should().Be(Home);
        found.LocalAccountId.Should().Be(LocalId);
        found.IdTokenClaims.Should().ContainKey("oid", "the account's own partition was loaded, with its ID token");
        _plugin.Loads.Should().Equal("local:oid-1", Home);
        _plugin.Saves.Should().BeEmpty();
    }

    [Test]
    public async Task GetAccountByLocalId_KnownInMemory_LoadsOnlyTheHomePartition()
    {
        var runtime = Instance();
        await SignInAsync(runtime);
        _plugin.ResetCounts();

        var found = await Cache(runtime).GetAccountByLocalIdAsync(LocalId);

        found!.HomeAccountId.Should().Be(Home);
        _plugin.Loads.Should().Equal(Home);
    }

    [Test]
    public async Task GetAccountByLocalId_Unknown_ReturnsNullAfterOneLoad()
    {
        await SignInAsync(Instance());
        _plugin.ResetCounts();

        var found = await Cache(Instance()).GetAccountByLocalIdAsync("oid-404");

        found.Should().BeNull();
        _plugin.Loads.Should().Equal("local:oid-404");
    }

    [Test]
    public async Task GetAccountByLocalId_AliasOutlivedTheAccountsTokens_ReturnsNull()
    {
        await SignInAsync(Instance());
        _plugin.Blobs.Remove(Home);

        var found = await Cache(Instance()).GetAccountByLocalIdAsync(LocalId);

        found.Should().BeNull("the alias names an account whose partition holds no tokens any more");
    }

    [Test]
    public async Task GetAccountByHomeId_FreshInstance_FindsTheAccount()
    {
        await SignInAsync(Instance());

        var found = await Cache(Instance()).GetAccountByHomeIdAsync(Home);

        found!.LocalAccountId.Should().Be(LocalId);
    }

    [Test]
    public async Task RemoveAccount_FreshInstance_RemovesTheAccountAndItsAliasFromTheStore()
    {
        var signedIn = await SignInAsync(Instance());
        _plugin.ResetCounts();

        await Cache(Instance()).RemoveAccountAsync(signedIn.Account!);

        _plugin.Saves.Should().Equal(Home, "local:oid-1");
        _plugin.Blobs[Home].Should().NotContain(Home).And.NotContain("secret");
        _plugin.Blobs["local:oid-1"].Should().NotContain(Home);
        var fresh = Cache(Instance());
        (await fresh.GetAccountByHomeIdAsync(Home)).Should().BeNull();
        (await fresh.GetAccountByLocalIdAsync(LocalId)).Should().BeNull();
    }

    [Test]
    public async Task RemoveAccount_NoAliasStored_SavesOnlyTheHomePartition()
    {
        var signedIn = await SignInAsync(Instance());
        _plugin.Blobs.Remove("local:oid-1");
        _plugin.ResetCounts();

        await Cache(Instance()).RemoveAccountAsync(signedIn.Account!);

        _plugin.Saves.Should().Equal(Home);
        _plugin.Blobs.Should().NotContainKey("local:oid-1");
    }

    [Test]
    public async Task GetAllAccounts_PartitionedStore_ListsOnlyWhatThisInstanceHoldsInMemory()
    {
        var signer = Instance();
        await SignInAsync(signer);
        var fresh = Cache(Instance());

        var before = await fresh.GetAllAccountsAsync();
        await fresh.GetAccountByHomeIdAsync(Home);
        var after = await fresh.GetAllAccountsAsync();

        before.Should().BeEmpty("a partitioned store cannot be enumerated");
        after.Select(a => a.HomeAccountId).Should().Equal(Home);
        (await Cache(signer).GetAllAccountsAsync()).Select(a => a.HomeAccountId).Should().Equal(Home);
    }

    [TestCase("")]
    [TestCase("  ")]
    public async Task Lookups_EmptyId_AreInvalidRequest(string id)
    {
        var cache = Cache(Instance());

        var byLocal = () => cache.GetAccountByLocalIdAsync(id);
        var byHome = () => cache.GetAccountByHomeIdAsync(id);
        var remove = () => cache.RemoveAccountAsync(new AccountInfo { HomeAccountId = id, Environment = "login.example.com" });

        (await byLocal.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        (await byHome.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        (await remove.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        _plugin.Loads.Should().BeEmpty();
    }

    [Test]
    public async Task GetAccountByLocalId_Null_IsArgumentNullException()
    {
        var act = () => Cache(Instance()).GetAccountByLocalIdAsync(null!);

        await act.Should().ThrowAsync<ArgumentNullException>();
    }

    [Test]
    public void PartitionRule_LocalAccountAlias_IsLowerCasedAndRecognised()
    {
        var key = PartitionRule.ForLocalAccountAlias("ABC-1");

        key.Should().Be("local:abc-1");
        PartitionRule.IsLocalAccountAlias(key).Should().BeTrue();
        PartitionRule.IsLocalAccountAlias(Home).Should().BeFalse();
        PartitionRule.IsLocalAccountAlias("local:").Should().BeFalse();
        FluentActions.Invoking(() => PartitionRule.ForLocalAccountAlias(string.Empty)).Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
    }

    private Runtime.ClientRuntime Instance() => TestRuntime.Create(_server.Network, _time, _plugin, authenticator: new FakeAuthenticator());

    private static TokenCache Cache(Runtime.ClientRuntime runtime) => new(runtime.Cache);

    private static Task<AuthenticationResult> SignInAsync(Runtime.ClientRuntime runtime) =>
        new UsernamePasswordFlow(new UserTokenExchange(runtime)).AcquireAsync(new UsernamePasswordRequest { Scopes = ["api://x/read"], Username = "u", Password = "p" }, CancellationToken.None);
}
