using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Runtime;
using Auth.Common.Telemetry;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Threading;

namespace Auth.Common.Grants.OnBehalfOf;

/// <summary>
/// The on-behalf-of flow: exchange the user token a web API received for a token to a downstream
/// API. Tokens live in the partition of the assertion's SHA-256 hash: the same assertion is a cache
/// hit, an expired token is renewed with the cached OBO refresh token, and another assertion never
/// sees them. Concurrent misses for one assertion and scope set share one request.
/// </summary>
internal sealed class OnBehalfOfFlow
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private readonly UserTokenExchange _exchange;

    // Exchanges for one assertion run one at a time whatever their scopes, so the assertion's
    // (rotating) refresh token is never redeemed twice: the next exchange reads what the last stored.
    private readonly SerializedFlight<AuthenticationResult> _exchanges = new();

    public OnBehalfOfFlow(UserTokenExchange exchange) => _exchange = exchange;

    private ClientRuntime Runtime => _exchange.Runtime;

    public async Task<AuthenticationResult> AcquireAsync(OnBehalfOfRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.OboAssertion))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "OboAssertion is empty: pass the bearer token the web API received.");
        }

        var call = new OboCall(request, context, Runtime.Crypto.Sha256Base64Url(request.OboAssertion));
        if (!request.SkipCache && await FindAsync(call, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            Log.CacheHit(Runtime.Logger, context.Scopes, context.CorrelationId);
            return ResultFactory.ForOnBehalfOf(cached, context.Authority, context.CorrelationId);
        }

        var key = string.Join('\n', call.AssertionHash, context.Authority.CanonicalAuthority, ScopeSet.From(context.Scopes).ToKey(), request.SkipCache);
        return await _exchanges.RunAsync(key, call.AssertionHash, () => FetchAsync(call), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Looks again in memory (the lookup before loaded the partition; another exchange may just have stored), then exchanges.</summary>
    private async Task<AuthenticationResult> FetchAsync(OboCall call)
    {
        var store = Runtime.Cache.Store;
        if (!call.Request.SkipCache && FindAccessToken(store, call) is { } cached)
        {
            return ResultFactory.ForOnBehalfOf(cached, call.Context.Authority, call.Context.CorrelationId);
        }

        var refreshToken = OboTokenCache.FindRefreshToken(store, Runtime.ClientId, call.AssertionHash, call.Context.Authority);
        var fields = refreshToken?.Secret is { Length: > 0 } secret
            ? new KeyValuePair<string, string>[] { new("grant_type", "refresh_token"), new("refresh_token", secret) }
            : AssertionFields(call);
        var grant = call.Context.Grant(fields) with
        {
            ApiId = ApiIds.OnBehalfOf,
            UserAssertionHash = call.AssertionHash,
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
            call.AssertionHash,
            isApplicationCache: false,
            (Flow: this, Call: call),
            static (store, find) => (find.Flow.FindAccessToken(store, find.Call), false),
            cancellationToken);

    private AccessTokenEntity? FindAccessToken(TokenCacheStore store, OboCall call) =>
        OboTokenCache.FindAccessToken(
            store, Runtime.ClientId, call.AssertionHash, call.Context.Authority, call.Context.Scopes, Runtime.Time.GetUtcNow().ToUnixTimeSeconds(), Runtime.ClockSkew);

    private sealed record OboCall(OnBehalfOfRequest Request, RequestContext Context, string AssertionHash);
}
