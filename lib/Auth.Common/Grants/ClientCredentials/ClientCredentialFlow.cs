using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Pipeline;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Telemetry;
using Auth.Common.Threading;

namespace Auth.Common.Grants.ClientCredentials;

/// <summary>
/// App-only tokens with the client-credentials grant: cache first, then one shared request per
/// (authority, scopes, extra query parameters) however many callers miss at once. A token past its <c>refresh_on</c> is
/// renewed on the next call; if renewal fails while the cached token is still valid, the
/// cached token is returned. With a cache plugin a miss loads the partition twice (the lookup,
/// and the save) and saves it once; a hit loads it once.
/// </summary>
internal sealed class ClientCredentialFlow
{
    private readonly ClientRuntime _runtime;
    private readonly SingleFlight<string, AuthenticationResult> _flight = new();
    private PartitionOfTenant? _lastPartition;

    public ClientCredentialFlow(ClientRuntime runtime) => _runtime = runtime;

    public async Task<AuthenticationResult> AcquireAsync(ClientCredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The hit path uses the caller's scope list as it is when it needs no cleaning, and builds
        // nothing but the result; the miss path works on its own validated copy.
        var scopes = RequestValidation.IsClean(request.Scopes) ? request.Scopes : RequestValidation.Scopes(request.Scopes);
        var correlationId = request.CorrelationId ?? CorrelationIds.New();
        var authority = await _runtime.ResolveAuthorityAsync(request.Authority, correlationId, cancellationToken).ConfigureAwait(false);
        var queryKey = QueryParameterKey.Of(request.ExtraQueryParameters);

        AccessTokenEntity? fallback = null;
        var cacheInfo = CacheInfo.ForceRefreshOrClaims;
        if (!request.SkipCache && request.Claims is null)
        {
            var cached = Judge(await FindAsync(authority, scopes, queryKey, cancellationToken).ConfigureAwait(false));
            if (cached.Token is { } token && !cached.RefreshDue)
            {
                Log.CacheHit(_runtime.Logger, scopes, correlationId);
                _runtime.Headers.CacheHit(authority);
                return ResultFactory.FromEntity(token, authority, correlationId, TokenSource.Cache);
            }

            fallback = cached.Token;
            cacheInfo = cached.Info;
            Log.CacheMiss(_runtime.Logger, string.Join(' ', scopes), cached.Reason, correlationId);
        }

        return await MissAsync(new Call(request, authority, [.. scopes], correlationId, cacheInfo, queryKey), fallback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The miss path, in its own method so that a hit allocates no closure.</summary>
    private async Task<AuthenticationResult> MissAsync(Call call, AccessTokenEntity? fallback, CancellationToken cancellationToken)
    {
        var flightKey = string.Join('\n', call.Authority.CanonicalAuthority, call.Scopes.ToKey(), call.QueryKey, call.Request.Claims, call.Request.SkipCache);
        try
        {
            return await _flight.RunAsync(flightKey, () => FetchAsync(call), cancellationToken).ConfigureAwait(false);
        }
        catch (AuthException ex) when (fallback is not null && ex is not InteractionRequiredException)
        {
            Log.ProactiveRefreshFailed(_runtime.Logger, ex.Code, call.CorrelationId);
            return FromCache(fallback, call);
        }
    }

    private async Task<AuthenticationResult> FetchAsync(Call call)
    {
        // Another caller's request may have just stored the token: look again, in memory only (the
        // lookup before this one loaded the partition), so a miss costs no extra plugin load.
        if (!call.Request.SkipCache && call.Request.Claims is null
            && Judge(Find(_runtime.Cache.Store, call.Authority, call.ScopeList, call.QueryKey)) is { Token: { } fresh, RefreshDue: false })
        {
            return FromCache(fresh, call);
        }

        var requestedAt = _runtime.Time.GetUtcNow();
        var result = await _runtime.Sender.SendAsync(
            new TokenRequest
            {
                Authority = call.Authority,
                CorrelationId = call.CorrelationId,
                ApiId = ApiIds.ClientCredentials,
                CacheInfo = call.CacheInfo,
                GrantFields = [new("grant_type", "client_credentials")],
                Scope = call.Target,
                Claims = call.Request.Claims,
                ExtraQueryParameters = call.Request.ExtraQueryParameters,
                Region = RegionalEndpoint.Choose(call.Request.AzureRegion, _runtime.DetectedRegion),
                Repeatable = true,
            },
            CancellationToken.None).ConfigureAwait(false);
        var response = result.GetOrThrow();

        var entity = AccessTokenFactory.ForApp(_runtime.ClientId, call.Authority, call.Realm, call.Target, response, requestedAt, call.QueryKey);
        await _runtime.Cache.AccessAsync(
            entity.Partition(),
            isApplicationCache: true,
            (Token: entity, Metadata: new AppMetadataEntity { ClientId = _runtime.ClientId, Environment = call.Authority.Environment }, Now: requestedAt.ToUnixTimeSeconds()),
            static (store, save) =>
            {
                store.SaveAccessToken(save.Token, save.Now);
                store.SetAppMetadata(save.Metadata);
                return (true, true);
            },
            CancellationToken.None).ConfigureAwait(false);

        var authResult = ResultFactory.FromEntity(entity, call.Authority, call.CorrelationId, TokenSource.IdentityProvider);
        Log.TokenReceived(_runtime.Logger, entity.Target!, authResult.ExpiresOn, call.CorrelationId);
        return authResult;
    }

    private ValueTask<AccessTokenEntity?> FindAsync(AuthorityInfo authority, IReadOnlyList<string> scopes, string? queryKey, CancellationToken cancellationToken) =>
        _runtime.Cache.ReadAsync(
            PartitionName.Of(AppPartition(authority.AppRealm)),
            isApplicationCache: true,
            (Flow: this, Authority: authority, Scopes: scopes, QueryKey: queryKey),
            static (store, find) => (find.Flow.Find(store, find.Authority, find.Scopes, find.QueryKey), false),
            cancellationToken);

    /// <summary>The app partition key of <paramref name="tenant"/> (the authority's app realm), built once while the tenant stays the same (a hit builds no string).</summary>
    private string AppPartition(string tenant)
    {
        var last = Volatile.Read(ref _lastPartition);
        if (last is not null && string.Equals(last.Tenant, tenant, StringComparison.Ordinal))
        {
            return last.Key;
        }

        var key = PartitionName.App(_runtime.ClientId, tenant).ToString();
        Volatile.Write(ref _lastPartition, new PartitionOfTenant(tenant, key));
        return key;
    }

    private AccessTokenEntity? Find(TokenCacheStore store, AuthorityInfo authority, IReadOnlyList<string> scopes, string? queryKey) =>
        AppTokenCache.Find(store, _runtime.ClientId, authority, authority.AppRealm, scopes, queryKey, authority.AppTokenIssuer);

    private CacheLookup Judge(AccessTokenEntity? token)
    {
        if (token is null)
        {
            return new CacheLookup(null, false, "no cached token", CacheInfo.NoCachedToken);
        }

        var now = _runtime.Time.GetUtcNow().ToUnixTimeSeconds();
        if (!TokenFreshness.IsUsable(token, now, _runtime.ClockSkew))
        {
            return new CacheLookup(null, false, "the cached token expired", CacheInfo.Expired);
        }

        var refreshDue = token.RefreshOn is { } refreshOn && refreshOn <= now;
        return new CacheLookup(token, refreshDue, refreshDue ? "refresh_on has passed" : string.Empty, CacheInfo.ProactiveRefresh);
    }

    private static AuthenticationResult FromCache(AccessTokenEntity token, Call call) =>
        ResultFactory.FromEntity(token, call.Authority, call.CorrelationId, TokenSource.Cache);

    private sealed record PartitionOfTenant(string Tenant, string Key);

    private readonly record struct CacheLookup(AccessTokenEntity? Token, bool RefreshDue, string Reason, int Info);

    private sealed record Call(ClientCredentialRequest Request, AuthorityInfo Authority, IReadOnlyList<string> ScopeList, Guid CorrelationId, int CacheInfo, string? QueryKey)
    {
        public string Realm => Authority.AppRealm;

        public string Target { get; } = string.Join(' ', ScopeList);

        public ScopeSet Scopes { get; } = ScopeSet.From(ScopeList);
    }
}
