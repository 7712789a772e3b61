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
/// The on-behalf-of flow: exchange the user token a web API received for a token to a downstream
/// API. Tokens live in the partition of the assertion's SHA-256 hash: the same assertion is a cache
/// hit, an expired token is renewed with the cached OBO refresh token, and another assertion never
/// sees them. Concurrent misses for one assertion and scope set share one request.
/// </summary>
internal sealed class OnBehalfOfFlow
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private readonly UserTokenExchange _exchange;
    private readonly SingleFlight<string, AuthenticationResult> _flight = new();

    // Exchanges for one assertion run one at a time whatever their scopes, so the assertion's
    // (rotating) refresh token is never redeemed twice: the next exchange reads what the last stored.
    private readonly StripedAsyncLock _assertionExchange = new(64);

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
        if (!request.SkipCache && (await FindAsync(call, withRefreshToken: false, cancellationToken).ConfigureAwait(false)).Token is { } cached)
        {
            Log.CacheHit(Runtime.Logger, context.Scopes, context.CorrelationId);
            return ResultFactory.ForOnBehalfOf(cached, context.Authority, context.CorrelationId);
        }

        var key = string.Join('\n', call.AssertionHash, context.Authority.CanonicalAuthority, ScopeSet.From(context.Scopes).ToKey(), request.SkipCache);
        return await _flight.RunAsync(key, () => FetchAsync(call), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticationResult> FetchAsync(OboCall call)
    {
        using var exclusive = await _assertionExchange.EnterAsync(call.AssertionHash, CancellationToken.None).ConfigureAwait(false);
        var found = await FindAsync(call, withRefreshToken: true, CancellationToken.None).ConfigureAwait(false);
        if (!call.Request.SkipCache && found.Token is { } cached)
        {
            return ResultFactory.ForOnBehalfOf(cached, call.Context.Authority, call.Context.CorrelationId);
        }

        var fields = found.RefreshToken?.Secret is { Length: > 0 } refreshToken
            ? new KeyValuePair<string, string>[] { new("grant_type", "refresh_token"), new("refresh_token", refreshToken) }
            : [new("grant_type", JwtBearer), new("requested_token_use", "on_behalf_of"), new("assertion", call.Request.OboAssertion)];
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
        catch (InteractionRequiredException) when (found.RefreshToken is not null)
        {
            // The OBO refresh token is no longer good: exchange the assertion itself again.
            return await _exchange.RedeemAsync(
                grant with { GrantFields = [new("grant_type", JwtBearer), new("requested_token_use", "on_behalf_of"), new("assertion", call.Request.OboAssertion)] },
                CancellationToken.None).ConfigureAwait(false);
        }
    }

    private ValueTask<(AccessTokenEntity? Token, RefreshTokenEntity? RefreshToken)> FindAsync(OboCall call, bool withRefreshToken, CancellationToken cancellationToken) =>
        Runtime.Cache.AccessAsync(
            call.AssertionHash,
            isApplicationCache: false,
            (Flow: this, Call: call, WithRefreshToken: withRefreshToken),
            static (store, find) => (find.Flow.Find(store, find.Call, find.WithRefreshToken), false),
            cancellationToken);

    /// <summary>Finds the assertion's usable access token, and its refresh token when a refresh is about to use it.</summary>
    private (AccessTokenEntity? Token, RefreshTokenEntity? RefreshToken) Find(TokenCacheStore store, OboCall call, bool withRefreshToken)
    {
        if (store.Find(call.AssertionHash) is not { } partition)
        {
            return (null, null);
        }

        var now = Runtime.Time.GetUtcNow().ToUnixTimeSeconds();
        var authority = call.Context.Authority;
        var tenant = authority.Mode == ProtocolMode.AzureAD && Guid.TryParse(authority.Tenant, out _) ? authority.Tenant : null;
        var token = FindExact(partition, call, tenant) is { } exact && IsServable(exact, call, tenant, now) ? exact : null;
        if (token is null)
        {
            foreach (var (_, t) in partition.AccessTokens)
            {
                if (t.Scopes.Covers(call.Context.Scopes) && IsServable(t, call, tenant, now))
                {
                    token = t;
                    break;
                }
            }
        }

        return (token, withRefreshToken ? FindRefreshToken(partition, call) : null);
    }

    /// <summary>
    /// The token under the exact key of the requested scopes: an assertion's tokens all belong to one
    /// user in one tenant, so any entry of the partition tells the key's account and realm.
    /// </summary>
    private AccessTokenEntity? FindExact(CachePartition partition, OboCall call, string? tenant)
    {
        AccessTokenEntity? sample = null;
        foreach (var (_, t) in partition.AccessTokens)
        {
            sample = t;
            break;
        }

        if (sample?.HomeAccountId is not { } home)
        {
            return null;
        }

        return partition.FindAccessTokenByKey(home, call.Context.Authority.Cloud.Aliases, Runtime.ClientId, tenant ?? sample.Realm ?? string.Empty, call.Context.Scopes);
    }

    private bool IsServable(AccessTokenEntity t, OboCall call, string? tenant, long now) =>
        IsOwn(t.UserAssertionHash, t.ClientId, t.Environment, call)
        && (tenant is null || string.Equals(t.Realm, tenant, StringComparison.OrdinalIgnoreCase))
        && TokenFreshness.IsUsable(t, now, Runtime.ClockSkew)
        && !(t.RefreshOn <= now);

    private RefreshTokenEntity? FindRefreshToken(CachePartition partition, OboCall call)
    {
        foreach (var (_, t) in partition.RefreshTokens)
        {
            if (IsOwn(t.UserAssertionHash, t.ClientId, t.Environment, call))
            {
                return t;
            }
        }

        return null;
    }

    private bool IsOwn(string? assertionHash, string? clientId, string? environment, OboCall call) =>
        assertionHash == call.AssertionHash
        && string.Equals(clientId, Runtime.ClientId, StringComparison.OrdinalIgnoreCase)
        && call.Context.Authority.MatchesEnvironment(environment);

    private sealed record OboCall(OnBehalfOfRequest Request, RequestContext Context, string AssertionHash);
}
