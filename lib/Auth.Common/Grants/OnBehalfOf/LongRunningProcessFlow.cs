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
/// The long-running on-behalf-of session after it started (<see cref="OnBehalfOfFlow.InitiateAsync"/>): a job
/// names it by its key alone. The session's access token is served while fresh; otherwise its on-behalf-of
/// refresh token is redeemed (refresh_token grant) and the new tokens are kept under the same key, in the
/// partition a cache plugin persists under that key, so another instance sharing the store continues the
/// session. No refresh token under the key means the session was never started or was stopped.
/// </summary>
internal sealed class LongRunningProcessFlow
{
    private readonly UserTokenExchange _exchange;
    private readonly SerializedFlight<AuthenticationResult> _exchanges;

    /// <param name="exchange">The user-token exchange.</param>
    /// <param name="exchanges">The on-behalf-of flow's flights, so a session's refresh token is never redeemed by both at once.</param>
    public LongRunningProcessFlow(UserTokenExchange exchange, SerializedFlight<AuthenticationResult> exchanges)
    {
        _exchange = exchange;
        _exchanges = exchanges;
    }

    private ClientRuntime Runtime => _exchange.Runtime;

    public async Task<AuthenticationResult> AcquireAsync(LongRunningProcessRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        var call = new SessionCall(request, context, CheckedKey(request.SessionKey));
        if (!call.SkipsCache && await FindAsync(call, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            Log.CacheHit(Runtime.Logger, context.Scopes, context.CorrelationId);
            return ResultFactory.ForOnBehalfOf(cached, context.Authority, context.CorrelationId);
        }

        var key = string.Join('\n', "session", call.SessionKey, context.Authority.CanonicalAuthority, ScopeSet.From(context.Scopes).ToKey(), request.ForceRefresh, request.Claims);
        return await _exchanges.RunAsync(key, call.SessionKey, () => RefreshAsync(call), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the session's tokens (and, with a plugin, saves the emptied partition); returns whether there were any.</summary>
    public ValueTask<bool> StopAsync(string sessionKey, CancellationToken cancellationToken) =>
        Runtime.Cache.AccessAsync(
            CheckedKey(sessionKey),
            isApplicationCache: false,
            (Key: sessionKey, Runtime.ClientId),
            static (store, stop) =>
            {
                var removed = store.RemoveOnBehalfOf(stop.Key, stop.ClientId);
                return (removed, removed);
            },
            cancellationToken);

    private static string CheckedKey(string? sessionKey) =>
        string.IsNullOrWhiteSpace(sessionKey)
            ? throw new AuthClientException(AuthErrorCodes.InvalidRequest, "SessionKey is empty: pass the key InitiateLongRunningProcessInWebApiAsync returned.")
            : sessionKey;

    /// <summary>Runs once per key, one per session at a time: looks again in memory, then redeems the session's refresh token.</summary>
    private async Task<AuthenticationResult> RefreshAsync(SessionCall call)
    {
        var store = Runtime.Cache.Store;
        if (!call.SkipsCache && FindAccessToken(store, call) is { } cached)
        {
            return ResultFactory.ForOnBehalfOf(cached, call.Context.Authority, call.Context.CorrelationId);
        }

        if (OboTokenCache.FindRefreshToken(store, Runtime.ClientId, call.SessionKey, call.Context.Authority)?.Secret is not { Length: > 0 } refreshToken)
        {
            throw new AuthClientException(
                AuthErrorCodes.LongRunningSessionNotFound,
                "The token cache holds no refresh token for this long-running session: it was never initiated with this key, it was stopped, or the authority issued no refresh token. "
                + "Call InitiateLongRunningProcessInWebApiAsync with a fresh user token.")
            {
                CorrelationId = call.Context.CorrelationId,
            };
        }

        var grant = call.Context.Grant(new("grant_type", "refresh_token"), new("refresh_token", refreshToken)) with
        {
            ApiId = ApiIds.OnBehalfOf,
            CacheInfo = call.SkipsCache ? CacheInfo.ForceRefreshOrClaims : CacheInfo.Expired,
            UserAssertionHash = call.SessionKey,
            Claims = call.Request.Claims,
            ExtraQueryParameters = call.Request.ExtraQueryParameters,
        };
        return await _exchange.RedeemAsync(grant, CancellationToken.None).ConfigureAwait(false);
    }

    private ValueTask<AccessTokenEntity?> FindAsync(SessionCall call, CancellationToken cancellationToken) =>
        Runtime.Cache.AccessAsync(
            call.SessionKey,
            isApplicationCache: false,
            (Flow: this, Call: call),
            static (store, find) => (find.Flow.FindAccessToken(store, find.Call), false),
            cancellationToken);

    private AccessTokenEntity? FindAccessToken(TokenCacheStore store, SessionCall call) =>
        OboTokenCache.FindAccessToken(
            store, Runtime.ClientId, call.SessionKey, call.Context.Authority, call.Context.Scopes, Runtime.Time.GetUtcNow().ToUnixTimeSeconds(), Runtime.ClockSkew, call.Context.QueryKey);

    private sealed record SessionCall(LongRunningProcessRequest Request, RequestContext Context, string SessionKey)
    {
        public bool SkipsCache => Request.ForceRefresh || Request.Claims is not null;
    }
}
