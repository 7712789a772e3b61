using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Logging;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Telemetry;
using Auth.Common.Threading;

namespace Auth.Common.Grants.OnBehalfOf;

/// <summary>
/// The on-behalf-of flow: exchange the user token a web API received for a token to a downstream
/// API. Tokens live in the partition of the assertion's SHA-256 hash: the same assertion is a cache
/// hit, an expired token is renewed with the cached OBO refresh token, and another assertion never
/// sees them. A request with claims skips the cache and exchanges the assertion with them. Starting a
/// long-running session is the same exchange, always with the assertion, kept under the session key.
/// Concurrent misses for one partition and scope set share one request.
/// </summary>
internal sealed class OnBehalfOfFlow
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private readonly UserTokenExchange _exchange;

    // Exchanges for one partition (assertion hash or session key) run one at a time whatever their
    // scopes, so its (rotating) refresh token is never redeemed twice: the next exchange reads what
    // the last stored. Shared with the long-running flow, which redeems the same refresh tokens.
    private readonly SerializedFlight<AuthenticationResult> _exchanges;

    public OnBehalfOfFlow(UserTokenExchange exchange, SerializedFlight<AuthenticationResult> exchanges)
    {
        _exchange = exchange;
        _exchanges = exchanges;
    }

    private ClientRuntime Runtime => _exchange.Runtime;

    public async Task<AuthenticationResult> AcquireAsync(OnBehalfOfRequest request, CancellationToken cancellationToken)
    {
        var (context, assertionHash) = await ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        var call = new OboCall(request, context, assertionHash, Initiating: false);
        if (!call.SkipsCache && await FindAsync(call, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            Log.CacheHit(Runtime.Logger, context.Scopes, context.CorrelationId);
            return ResultFactory.ForOnBehalfOf(cached, context.Authority, context.CorrelationId);
        }

        var key = string.Join('\n', assertionHash, context.Authority.CanonicalAuthority, ScopeSet.From(context.Scopes).ToKey(), request.SkipCache, request.Claims);
        return await _exchanges.RunAsync(key, assertionHash, () => FetchAsync(call), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts (or starts again) a long-running session: exchanges the assertion, whatever is cached, and keeps
    /// the tokens under <paramref name="sessionKey"/> (the assertion's hash when null), replacing what was there.
    /// </summary>
    public async Task<LongRunningProcessResult> InitiateAsync(OnBehalfOfRequest request, string? sessionKey, CancellationToken cancellationToken)
    {
        if (sessionKey is not null && string.IsNullOrWhiteSpace(sessionKey))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "The session key is empty: pass null to use the hash of the user's token, or a key of your own.");
        }

        var (context, assertionHash) = await ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        var partition = sessionKey ?? assertionHash;
        var call = new OboCall(request, context, partition, Initiating: true);
        var key = string.Join('\n', "initiate", partition, assertionHash, context.Authority.CanonicalAuthority, ScopeSet.From(context.Scopes).ToKey(), request.Claims);
        var result = await _exchanges.RunAsync(key, partition, () => FetchAsync(call), cancellationToken).ConfigureAwait(false);
        return new LongRunningProcessResult { Result = result, SessionKey = partition };
    }

    private async Task<(RequestContext Context, string AssertionHash)> ResolveAsync(OnBehalfOfRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.OboAssertion))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "OboAssertion is empty: pass the bearer token the web API received.");
        }

        return (context, Runtime.Crypto.Sha256Base64Url(request.OboAssertion));
    }

    /// <summary>Looks again in memory (the lookup before loaded the partition; another exchange may just have stored), then exchanges.</summary>
    private async Task<AuthenticationResult> FetchAsync(OboCall call)
    {
        var store = Runtime.Cache.Store;
        if (!call.SkipsCache && FindAccessToken(store, call) is { } cached)
        {
            return ResultFactory.ForOnBehalfOf(cached, call.Context.Authority, call.Context.CorrelationId);
        }

        var refreshToken = call.ExchangesAssertion ? null : OboTokenCache.FindRefreshToken(store, Runtime.ClientId, call.Partition, call.Context.Authority);
        var fields = refreshToken?.Secret is { Length: > 0 } secret
            ? new KeyValuePair<string, string>[] { new("grant_type", "refresh_token"), new("refresh_token", secret) }
            : AssertionFields(call);
        var grant = call.Context.Grant(fields) with
        {
            ApiId = ApiIds.OnBehalfOf,
            UserAssertionHash = call.Partition,
            ReplacesOnBehalfOfTokens = call.Initiating,
            Claims = call.Request.Claims,
            ExtraQueryParameters = call.Request.ExtraQueryParameters,
        };
        try
        {
            return await _exchange.RedeemAsync(grant, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InteractionRequiredException) when (refreshToken is not null)
        {
            // The OBO refresh token is no longer good: exchange the assertion itself again.
            return await _exchange.RedeemAsync(grant with { GrantFields = AssertionFields(call) }, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static KeyValuePair<string, string>[] AssertionFields(OboCall call) =>
        [new("grant_type", JwtBearer), new("requested_token_use", "on_behalf_of"), new("assertion", call.Request.OboAssertion)];

    private ValueTask<AccessTokenEntity?> FindAsync(OboCall call, CancellationToken cancellationToken) =>
        Runtime.Cache.ReadAsync(
            call.Partition,
            isApplicationCache: false,
            (Flow: this, Call: call),
            static (store, find) => (find.Flow.FindAccessToken(store, find.Call), false),
            cancellationToken);

    private AccessTokenEntity? FindAccessToken(TokenCacheStore store, OboCall call) =>
        OboTokenCache.FindAccessToken(
            store, Runtime.ClientId, call.Partition, call.Context.Authority, call.Context.Scopes, Runtime.Time.GetUtcNow().ToUnixTimeSeconds(), Runtime.ClockSkew, call.Context.QueryKey);

    /// <param name="Request">The caller's request.</param>
    /// <param name="Context">The resolved scopes, authority and correlation id.</param>
    /// <param name="Partition">The assertion's hash, or the long-running session's key.</param>
    /// <param name="Initiating">Whether this starts a long-running session (the assertion is exchanged, the session's tokens replaced).</param>
    private sealed record OboCall(OnBehalfOfRequest Request, RequestContext Context, string Partition, bool Initiating)
    {
        /// <summary>Gets whether the cached access token must not be served.</summary>
        public bool SkipsCache => Request.SkipCache || Request.Claims is not null || Initiating;

        /// <summary>Gets whether the assertion is exchanged even when a refresh token is cached (claims go with the user's token, as MSAL does).</summary>
        public bool ExchangesAssertion => Request.Claims is not null || Initiating;
    }
}
