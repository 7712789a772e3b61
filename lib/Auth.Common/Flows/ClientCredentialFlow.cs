using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Protocol;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Threading;

namespace Auth.Common.Flows;

/// <summary>
/// App-only tokens with the client-credentials grant: cache first, then one shared request per
/// (tenant, scopes) however many callers miss at once. A token past its <c>refresh_on</c> is
/// renewed on the next call; if renewal fails while the cached token is still valid, the
/// cached token is returned.
/// </summary>
internal sealed class ClientCredentialFlow
{
    private readonly ClientRuntime _runtime;
    private readonly IClientAuthenticator _authenticator;
    private readonly SingleFlight<string, AuthenticationResult> _flight = new();

    public ClientCredentialFlow(ClientRuntime runtime, IClientAuthenticator authenticator)
    {
        _runtime = runtime;
        _authenticator = authenticator;
    }

    public async Task<AuthenticationResult> AcquireAsync(ClientCredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The hit path uses the caller's scope list as it is when it needs no cleaning, and builds
        // nothing but the result; the miss path works on its own validated copy.
        var scopes = RequestValidation.IsClean(request.Scopes) ? request.Scopes : RequestValidation.Scopes(request.Scopes);
        var correlationId = request.CorrelationId ?? Guid.NewGuid();
        var authority = await _runtime.ResolveAuthorityAsync(request.Authority, correlationId, cancellationToken).ConfigureAwait(false);

        AccessTokenEntity? fallback = null;
        var cacheInfo = Protocol.CacheInfo.ForceRefreshOrClaims;
        if (!request.SkipCache && request.Claims is null)
        {
            var cached = await FindAsync(authority, scopes, cancellationToken).ConfigureAwait(false);
            if (cached.Token is { } token && !cached.RefreshDue)
            {
                Log.CacheHit(_runtime.Logger, scopes, correlationId);
                _runtime.Headers.Telemetry.CacheHit();
                return ResultFactory.FromEntity(token, authority, correlationId, TokenSource.Cache);
            }

            fallback = cached.Token;
            cacheInfo = cached.Info;
            Log.CacheMiss(_runtime.Logger, string.Join(' ', scopes), cached.Reason, correlationId);
        }

        var call = new Call(request, authority, [.. scopes], correlationId, cacheInfo);
        var flightKey = string.Join('\n', call.Authority.CanonicalAuthority, call.Scopes.ToKey(), request.Claims, request.SkipCache);
        try
        {
            return await _flight.RunAsync(flightKey, () => FetchAsync(call), cancellationToken).ConfigureAwait(false);
        }
        catch (AuthException ex) when (fallback is not null && ex is not InteractionRequiredException)
        {
            Log.ProactiveRefreshFailed(_runtime.Logger, ex.Code, correlationId);
            return FromCache(fallback, call);
        }
    }

    private async Task<AuthenticationResult> FetchAsync(Call call)
    {
        if (!call.Request.SkipCache && call.Request.Claims is null
            && await FindAsync(call.Authority, call.ScopeList, CancellationToken.None).ConfigureAwait(false) is { Token: { } fresh, RefreshDue: false })
        {
            return FromCache(fresh, call);
        }

        var metadata = await _runtime.Metadata.ResolveAsync(call.Authority, call.CorrelationId, CancellationToken.None).ConfigureAwait(false);
        var content = new TokenRequestContent();
        _runtime.Headers.AddTo(content, call.Authority, call.CorrelationId, ApiIds.ClientCredentials, call.CacheInfo);
        content.Add("grant_type", "client_credentials");
        content.Add("client_id", _runtime.ClientId);
        content.Add("scope", call.Target);
        if (ClaimsRequest.Merge(call.Request.Claims, _runtime.ClientCapabilities) is { } claims)
        {
            content.Add("claims", claims);
        }

        var context = new ClientAuthenticationContext(
            _runtime.ClientId, metadata.TokenEndpoint, call.Realm, call.Request.Claims, call.Authority.Mode, metadata.TokenEndpointSigningAlgorithms, metadata.TokenEndpointAuthMethods);
        await _authenticator.AddCredentialsAsync(content, context, CancellationToken.None).ConfigureAwait(false);

        var requestedAt = _runtime.Time.GetUtcNow();
        var endpoint = UriQuery.Append(metadata.TokenEndpoint, call.Request.ExtraQueryParameters);
        var result = await PostAsync(endpoint, content, call).ConfigureAwait(false);
        var response = result.GetTokenOrThrow();

        var entity = AccessTokenFactory.ForApp(_runtime.ClientId, call.Authority, call.Realm, call.Target, response, requestedAt);
        await _runtime.Cache.AccessAsync(
            entity.Partition(),
            isApplicationCache: true,
            store =>
            {
                AccessTokenWriter.Save(store, entity, requestedAt.ToUnixTimeSeconds());
                store.SetAppMetadata(new AppMetadataEntity { ClientId = _runtime.ClientId, Environment = call.Authority.Environment });
                return (true, true);
            },
            CancellationToken.None).ConfigureAwait(false);

        var authResult = ResultFactory.FromEntity(entity, call.Authority, call.CorrelationId, TokenSource.IdentityProvider);
        Log.TokenReceived(_runtime.Logger, entity.Target!, authResult.ExpiresOn, call.CorrelationId);
        return authResult;
    }

    /// <summary>Posts to the regional endpoint when a region applies, and to the global one if the region fails.</summary>
    private async Task<TokenResult> PostAsync(Uri endpoint, TokenRequestContent content, Call call)
    {
        var region = RegionalEndpoint.Choose(call.Request.AzureRegion, _runtime.DetectedRegion);
        if (RegionalEndpoint.For(endpoint, region, call.Authority) is { } regional)
        {
            try
            {
                var result = await _runtime.TokenEndpoint.PostAsync(regional, content, call.CorrelationId, CancellationToken.None).ConfigureAwait(false);
                if (result.Error is not { StatusCode: >= 500 })
                {
                    return result;
                }

                Log.RegionalFallback(_runtime.Logger, region!, result.Error.Code, call.CorrelationId);
            }
            catch (AuthClientException ex) when (ex.Code is AuthErrorCodes.NetworkError or AuthErrorCodes.RequestTimeout)
            {
                Log.RegionalFallback(_runtime.Logger, region!, ex.Code, call.CorrelationId);
            }
        }

        return await _runtime.TokenEndpoint.PostAsync(endpoint, content, call.CorrelationId, CancellationToken.None).ConfigureAwait(false);
    }

    private async ValueTask<CacheLookup> FindAsync(AuthorityInfo authority, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var token = await _runtime.Cache.AccessAsync(
            PartitionName.App(_runtime.ClientId, authority.Tenant),
            isApplicationCache: true,
            (ClientId: _runtime.ClientId, Authority: authority, Scopes: scopes),
            static (store, find) => (AppTokenCache.Find(store, find.ClientId, find.Authority, find.Authority.Tenant, find.Scopes), false),
            cancellationToken).ConfigureAwait(false);
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

    private readonly record struct CacheLookup(AccessTokenEntity? Token, bool RefreshDue, string Reason, int Info);

    private sealed record Call(ClientCredentialRequest Request, AuthorityInfo Authority, IReadOnlyList<string> ScopeList, Guid CorrelationId, int CacheInfo)
    {
        public string Realm => Authority.Tenant;

        public string Target { get; } = string.Join(' ', ScopeList);

        public ScopeSet Scopes { get; } = ScopeSet.From(ScopeList);
    }
}
