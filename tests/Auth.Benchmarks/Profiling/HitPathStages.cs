using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text;
using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using Auth.Common.Responses;
using BenchmarkDotNet.Attributes;

namespace Auth.Benchmarks.Profiling;

/// <summary>
/// Our single-tenant Entra ID cache hit (row 1a, ours) cut into its stages, each timed alone:
/// the real internal code through <see cref="Internals"/>, and a few replicas (named so) where a
/// stage is a ref struct or a private generic. One fixed scope, 10 cached tokens written under
/// login.windows.net as ours writes them. Run with <c>--stages</c>; see docs/hit-path-profile.md.
/// </summary>
[MemoryDiagnoser]
public class HitPathStages
{
    private const string Environment = "login.windows.net";
    private static readonly string Realm = Apps.Tenant(0);
    private static readonly string[] Scopes = [CacheJson.AppScope(3)];
    private static readonly Guid FixedCorrelationId = Guid.NewGuid();
    private readonly FakeAuthorityHandler _handler = new();
    private readonly string _authorityUrl = Apps.Authority(Apps.Tenant(0));
    private readonly ConcurrentDictionary<string, object> _replicaTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _replicaTargets = new(StringComparer.Ordinal);
    private readonly AuthenticationResult _result = new() { AccessToken = "t", Scopes = Scopes, ExpiresOn = default };
    private readonly FakeAuthorityHandler _oidcHandler = new();
    private Auth.Server.ConfidentialClientApplication _app = null!;
    private Auth.Server.ConfidentialClientApplication _oidcApp = null!;
    private object _runtime = null!;
    private object _store = null!;
    private object _partition = null!;
    private object _authority = null!;
    private object _token = null!;
    private object _telemetry = null!;
    private Microsoft.Extensions.Logging.ILogger _logger = null!;
    private IReadOnlyList<string> _aliases = null!;
    private IReadOnlyList<string> _preferredOnly = null!;
    private string _partitionKey = null!;
    private string _tokenKey = null!;
    private string _tokenKeyPrefix = null!;
    private Func<string?, object?> _resolveAuthority = null!;
    private Func<object, object?> _findAsync = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _app = Apps.Ours(_handler, Realm);
        _app.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.SingleTenantAppTokens(Environment, Realm, 10)));
        await Workload.ExpectHitsAsync(async () => (await Call()).AccessToken, "app-token-", _handler);
        _oidcApp = Apps.OursOidc(_oidcHandler);
        _oidcApp.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.SingleTenantAppTokens(Apps.OidcHost, string.Empty, 10)));
        await Workload.ExpectHitsAsync(async () => (await CallOidc()).AccessToken, "app-token-", _oidcHandler);
        _ = await _app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = _authorityUrl });

        _runtime = Internals.Runtime(_app);
        _logger = Internals.Logger(_runtime);
        _store = Internals.Store(Internals.Cache(_runtime));
        _telemetry = Internals.Telemetry(Internals.Headers(_runtime));
        _authority = Internals.Field(_runtime, "_resolvedDefault");
        _aliases = Internals.Aliases(Internals.Cloud(_authority));
        _preferredOnly = [Environment];
        _partitionKey = $"{Apps.ClientId}_{Realm}_AppTokenCache";
        _partition = Internals.FindPartition(_store, _partitionKey) ?? throw new InvalidOperationException("no partition");
        _token = Internals.AppTokenCacheFind(null, _store, Apps.ClientId, _authority, Realm, Scopes) ?? throw new InvalidOperationException("no token");
        _tokenKey = $"-{Environment}-accesstoken-{Apps.ClientId}-{Realm}-{Scopes[0]}".ToLowerInvariant();
        _tokenKeyPrefix = $"-{Environment}-accesstoken-{Apps.ClientId}-{Realm}-".ToLowerInvariant();
        for (var i = 0; i < 10; i++)
        {
            _replicaTokens[$"-{Environment}-accesstoken-{Apps.ClientId}-{Realm}-{CacheJson.AppScope(i)}".ToLowerInvariant()] = new object();
            _replicaTargets[CacheJson.AppScope(i).ToLowerInvariant()] = new object();
        }

        _resolveAuthority = Internals.ValueTaskCall<string?>(_runtime, "ResolveAuthorityAsync", result => result, FixedCorrelationId, CancellationToken.None);
        var flow = Internals.Field(Internals.Client(_app), "_clientCredentials");
        _findAsync = Internals.ValueTaskCall<object>(flow, "FindAsync", token => token, Scopes, CancellationToken.None);

        Workload.Expect(Internals.IsClean(null, Scopes), "the scopes are clean");
        Workload.Expect(_resolveAuthority(null) == _authority && _resolveAuthority(_authorityUrl) is not null, "the authority memo answers");
        Workload.Expect(_findAsync(_authority) == _token, "FindAsync finds the token");
        Workload.Expect(TokenByKey() == _token && TokenByKeyPreferredOnly() == _token, "the exact key finds the token");
        Workload.Expect(Internals.IsUsable(null, _token, Clock(), TimeSpan.FromMinutes(5)), "the token is fresh");
        Workload.Expect(Internals.Tenant(_authority) == Realm, "the realm is the tenant");
        Workload.Expect((await Composed()).AccessToken.StartsWith("app-token-", StringComparison.Ordinal), "the composed stages find the token");
    }

    // --- The whole call, as the app makes it -------------------------------------------------

    [Benchmark(Baseline = true, Description = "Whole call (new request, no correlation id)")]
    public Task<AuthenticationResult> Call() => _app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });

    [Benchmark(Description = "Whole call, correlation id given (no Guid.NewGuid)")]
    public Task<AuthenticationResult> CallWithCorrelationId() =>
        _app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, CorrelationId = FixedCorrelationId });

    [Benchmark(Description = "Whole call, per-request authority (row 1 path)")]
    public Task<AuthenticationResult> CallWithAuthority() =>
        _app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = _authorityUrl });

    [Benchmark(Description = "Whole call, generic OIDC app (row 1b path)")]
    public Task<AuthenticationResult> CallOidc() => _oidcApp.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });

    /// <summary>Stages 0 to 12 called one after the other in an async method: checks that the stages account for the whole call.</summary>
    [Benchmark(Description = "Stages 0-13 composed (check of the sum)")]
    public async Task<AuthenticationResult> Composed()
    {
        var request = new ClientCredentialRequest { Scopes = Scopes };
        var scopes = Internals.IsClean(null, request.Scopes) ? request.Scopes : throw new InvalidOperationException();
        var correlationId = request.CorrelationId ?? Guid.NewGuid();
        var authority = await new ValueTask<object?>(_resolveAuthority(request.Authority)).ConfigureAwait(false);
        var token = await new ValueTask<object?>(_findAsync(authority!)).ConfigureAwait(false);
        Internals.LogCacheHit(null, _logger, scopes, correlationId);
        Internals.TelemetryCacheHit(_telemetry);
        return Internals.FromEntity(null, token!, authority!, correlationId, TokenSource.Cache);
    }

    // --- Stages in hit-path order ------------------------------------------------------------

    [Benchmark(Description = "0 caller: new ClientCredentialRequest")]
    public ClientCredentialRequest NewRequest() => new() { Scopes = Scopes };

    [Benchmark(Description = "1 RequestValidation.IsClean")]
    public bool Validate() => Internals.IsClean(null, Scopes);

    [Benchmark(Description = "2 Guid.NewGuid")]
    public Guid NewGuid() => Guid.NewGuid();

    [Benchmark(Description = "3 ResolveAuthorityAsync(null) (memo)")]
    public object? ResolveDefault() => _resolveAuthority(null);

    [Benchmark(Description = "3' ResolveAuthorityAsync(url) (row 1 memo)")]
    public object? ResolveUrl() => _resolveAuthority(_authorityUrl);

    [Benchmark(Description = "4 FindAsync (cache access + 5..9)")]
    public object? FindAsync() => _findAsync(_authority);

    [Benchmark(Description = "5 AppTokenCache.Find (6 + 7)")]
    public object? AppTokenCacheFind() => Internals.AppTokenCacheFind(null, _store, Apps.ClientId, _authority, Realm, Scopes);

    [Benchmark(Description = "6a partition key build (replica)")]
    public int PartitionKeyBuild()
    {
        Span<char> buffer = stackalloc char[512];
        return StageReplicas.PartitionKey(buffer, Apps.ClientId, Realm);
    }

    [Benchmark(Description = "6b TokenCacheStore.Find(span)")]
    public object? PartitionLookup() => Internals.FindPartition(_store, _partitionKey.AsSpan());

    [Benchmark(Description = "7 FindAccessTokenByKey, all 4 aliases (hit on 2nd)")]
    public object? TokenByKey() => Internals.FindAccessTokenByKey(_partition, string.Empty, _aliases, Apps.ClientId, Realm, Scopes);

    [Benchmark(Description = "7' FindAccessTokenByKey, preferred alias only")]
    public object? TokenByKeyPreferredOnly() => Internals.FindAccessTokenByKey(_partition, string.Empty, _preferredOnly, Apps.ClientId, Realm, Scopes);

    [Benchmark(Description = "7a token key build + lower-case (replica)")]
    public int TokenKeyBuildLower()
    {
        Span<char> buffer = stackalloc char[512];
        return StageReplicas.CredentialKey(buffer, Environment, Apps.ClientId, Realm, Scopes, lower: true);
    }

    [Benchmark(Description = "7b token key build, no lower-case (replica)")]
    public int TokenKeyBuildCopy()
    {
        Span<char> buffer = stackalloc char[512];
        return StageReplicas.CredentialKey(buffer, Environment, Apps.ClientId, Realm, Scopes, lower: false);
    }

    [Benchmark(Description = "7c span lookup, 10 keys (replica dictionary)")]
    public object? TokenLookup() => _replicaTokens.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(_tokenKey.AsSpan(), out var value) ? value : null;

    [Benchmark(Description = "P1 proposal: lower-case prefix memo + lower-cased scope (replica)")]
    public int TokenKeyFromPrefix()
    {
        Span<char> buffer = stackalloc char[512];
        return StageReplicas.CredentialKeyFromPrefix(buffer, _tokenKeyPrefix, Scopes);
    }

    [Benchmark(Description = "P2 proposal: span lookup by target only (replica)")]
    public object? TargetLookup() => _replicaTargets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Scopes[0].AsSpan(), out var value) ? value : null;

    [Benchmark(Description = "P3 proposal: v4 Guid from Random.Shared")]
    public Guid NonCryptoGuid() => StageReplicas.NonCryptoGuid();

    [Benchmark(Description = "P4 proposal: synchronous hit, Task.FromResult")]
    public Task<AuthenticationResult> FromResult() => Task.FromResult(_result);

    [Benchmark(Description = "8 clock: GetUtcNow().ToUnixTimeSeconds()")]
    public long Clock() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    [Benchmark(Description = "9 TokenFreshness.IsUsable")]
    public bool Freshness() => Internals.IsUsable(null, _token, 1_700_000_000, TimeSpan.FromMinutes(5));

    [Benchmark(Description = "10 Log.CacheHit (NullLogger)")]
    public void LogCacheHit() => Internals.LogCacheHit(null, _logger, Scopes, FixedCorrelationId);

    [Benchmark(Description = "11 ServerTelemetry.CacheHit (Interlocked)")]
    public void TelemetryCacheHit() => Internals.TelemetryCacheHit(_telemetry);

    [Benchmark(Description = "12 ResultFactory.FromEntity")]
    public AuthenticationResult FromEntity() => Internals.FromEntity(null, _token, _authority, FixedCorrelationId, TokenSource.Cache);

    [Benchmark(Description = "12a IssuedTenant (memo check)")]
    public string? IssuedTenant() => Internals.IssuedTenant(_token);

    [Benchmark(Description = "13 async shell: 2 sync awaits + Task<T> (replica)")]
    public Task<AuthenticationResult> AsyncShell() => StageReplicas.AsyncShellAsync(_authority, _token, _result);
}
