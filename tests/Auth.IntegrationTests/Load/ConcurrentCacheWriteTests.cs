using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Load;

/// <summary>
/// Concurrent silent traffic for many users (expired access tokens, forced refreshes) through a cache plugin that
/// persists every write: afterwards every user's persisted blob holds the newest refresh and access token.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConcurrentCacheWriteTests
{
    private const string ClientId = "cache-load-app";
    private const int Users = 24;
    private const int CallersPerUser = 8;
    private const int Waves = 4;
    private static readonly string[] Scopes = ["api://orders/read"];

    [Test]
    public async Task Silent_ConcurrentRefreshesOfManyUsers_PersistEveryUsersNewestTokens()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { TimeProvider = clock });
        authority.RegisterPublicClient(ClientId);
        var plugin = new PartitionBlobPlugin();
        using var http = authority.CreateHttpClient();
        var app = App(authority, http, clock, plugin);
        var users = Enumerable.Range(0, Users).Select(i => new FakeUser { Username = $"user{i}@contoso.com", Password = $"pw-{i}", Name = $"User {i}" }).ToList();
        users.ForEach(authority.RegisterUser);
        var accounts = (await Task.WhenAll(users.Select(u => app.AcquireTokenByUsernamePasswordAsync(
            new UsernamePasswordRequest { Scopes = Scopes, Username = u.Username, Password = u.Password })))).Select(r => r.Account!).ToList();

        var failures = new List<Exception>();
        var waves = new List<(int End, Func<AccountInfo, bool> Forced)>();
        for (var wave = 0; wave < Waves; wave++)
        {
            clock.Advance(TimeSpan.FromHours(2));
            var all = wave % 2 == 1;
            Func<AccountInfo, bool> forced = a => all || a.Username!.EndsWith("0@contoso.com", StringComparison.Ordinal);
            failures.AddRange(await WaveAsync(app, accounts, forced));
            waves.Add((authority.TokenRequests.Count, forced));
        }

        var redeemed = authority.TokenRequests.Where(r => r.GrantType == "refresh_token").Select(r => r.Form["refresh_token"]).ToHashSet(StringComparer.Ordinal);
        var problems = NewestTokensCheck.Problems(accounts.Select(a => a.HomeAccountId), plugin.Blobs, plugin.Writes, redeemed);
        TestContext.Out.WriteLine($"{plugin.Writes.Count} blobs written, {redeemed.Count} refresh tokens redeemed, {failures.Count} failed calls");
        failures.Should().BeEmpty();
        plugin.Overlaps.Should().Be(0, "calls for one partition never overlap");
        RefreshesPerUser(authority, plugin, waves, accounts).Should().OnlyContain(
            r => r.Count >= 1 && (r.Forced || r.Count == 1),
            "each wave refreshes every user; callers of an expired token share one refresh (forced callers may refresh again once it ended)");
        problems.Should().BeEmpty();
        var reloadPlugin = new PartitionBlobPlugin();
        foreach (var (partition, blob) in plugin.Blobs)
        {
            reloadPlugin.Blobs[partition] = blob;
        }

        var fromBlobs = App(authority, http, clock, reloadPlugin);
        var again = await Task.WhenAll(accounts.Select(a => fromBlobs.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = a, ForceRefresh = true })));
        again.Should().OnlyContain(r => r.Source == TokenSource.IdentityProvider, "every persisted refresh token is the live one");
    }

    [Test]
    public async Task NewestTokensCheck_StaleBlobPlanted_IsReported()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { TimeProvider = clock });
        authority.RegisterPublicClient(ClientId);
        var plugin = new PartitionBlobPlugin();
        using var http = authority.CreateHttpClient();
        var app = App(authority, http, clock, plugin);
        var account = (await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = authority.DefaultUser.Username, Password = authority.DefaultUser.Password })).Account!;
        clock.Advance(TimeSpan.FromHours(2));
        await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = account });
        var redeemed = authority.TokenRequests.Where(r => r.GrantType == "refresh_token").Select(r => r.Form["refresh_token"]).ToHashSet(StringComparer.Ordinal);
        var fresh = NewestTokensCheck.Problems([account.HomeAccountId], plugin.Blobs, plugin.Writes, redeemed);

        plugin.Blobs[account.HomeAccountId] = plugin.Writes.First().Blob;
        var stale = NewestTokensCheck.Problems([account.HomeAccountId], plugin.Blobs, plugin.Writes, redeemed);
        plugin.Blobs.Clear();
        var lost = NewestTokensCheck.Problems([account.HomeAccountId], plugin.Blobs, plugin.Writes, redeemed);

        fresh.Should().BeEmpty();
        stale.Should().ContainSingle().Which.Should().Contain("already redeemed");
        lost.Should().ContainSingle().Which.Should().Contain("no blob");
    }

    private static PublicClientApplication App(FakeAuthority authority, HttpClient http, TimeProvider clock, PartitionBlobPlugin plugin) => new(new PublicClientOptions
    {
        ClientId = ClientId,
        Authority = authority.Authority,
        TimeProvider = clock,
        CachePlugin = plugin,
        RetryDelay = TimeSpan.Zero,
        NetworkClient = new HttpClientNetworkClient(http, new HttpClientNetworkClientOptions()),
    });

    /// <summary>How many refresh tokens of each user each wave redeemed (the owner of a refresh token: the partition it was written to).</summary>
    private static List<(int Wave, string User, bool Forced, int Count)> RefreshesPerUser(
        FakeAuthority authority, PartitionBlobPlugin plugin, List<(int End, Func<AccountInfo, bool> Forced)> waves, IReadOnlyList<AccountInfo> accounts)
    {
        var owner = plugin.Writes
            .SelectMany(w => CacheBlob.Parse(w.Blob).RefreshTokens.Select(t => (t.Secret, w.Partition)))
            .DistinctBy(t => t.Secret)
            .ToDictionary(t => t.Secret, t => t.Partition, StringComparer.Ordinal);
        var requests = authority.TokenRequests;
        var counts = new List<(int Wave, string User, bool Forced, int Count)>();
        var start = requests.Count(r => r.GrantType == "password");
        for (var wave = 0; wave < waves.Count; wave++)
        {
            var redeemed = requests.Take(waves[wave].End).Skip(start).Where(r => r.GrantType == "refresh_token").Select(r => owner[r.Form["refresh_token"]]).ToList();
            counts.AddRange(accounts.Select(a => (wave, a.HomeAccountId, waves[wave].Forced(a), redeemed.Count(u => u == a.HomeAccountId))));
            start = waves[wave].End;
        }

        return counts;
    }

    /// <summary>Every user's callers at once; <paramref name="forceRefresh"/> picks the users whose callers force a refresh this wave.</summary>
    private static async Task<IReadOnlyList<Exception>> WaveAsync(PublicClientApplication app, IReadOnlyList<AccountInfo> accounts, Func<AccountInfo, bool> forceRefresh)
    {
        var calls = accounts.SelectMany(a => Enumerable.Range(0, CallersPerUser).Select(_ => Task.Run(() =>
            app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = a, ForceRefresh = forceRefresh(a) })))).ToList();
        try
        {
            await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60), TimeProvider.System);
        }
        catch (AuthException)
        {
        }

        return calls.Where(c => c.IsFaulted).Select(c => c.Exception!.InnerException!).ToList();
    }
}
