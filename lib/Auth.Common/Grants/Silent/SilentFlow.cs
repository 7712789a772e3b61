using Auth.Common.Accounts;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Logging;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Telemetry;
using Auth.Common.Threading;

namespace Auth.Common.Grants.Silent;

/// <summary>
/// A token for a known account without the user: the cached access token when it covers the
/// scopes and is valid; otherwise the cached refresh token is redeemed (once, however many
/// callers ask at the same time), asking only for scopes its grant holds with a generic OpenID
/// Provider (<see cref="UserGrantScopes"/>). No refresh token, one the authority refuses, or (generic
/// OIDC) one whose grant lacks a requested scope means <see cref="InteractionRequiredException"/>.
/// </summary>
internal sealed class SilentFlow
{
    private readonly UserTokenExchange _exchange;

    // Refreshes of one account run one at a time whatever their scopes or ForceRefresh, so a refresh
    // token that rotates is never redeemed twice: the second refresh reads the one the first stored.
    private readonly SerializedFlight<AuthenticationResult> _refreshes = new();

    public SilentFlow(UserTokenExchange exchange) => _exchange = exchange;

    private ClientRuntime Runtime => _exchange.Runtime;

    public async Task<AuthenticationResult> AcquireAsync(SilentFlowRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        var account = OfPolicy(request.Account ?? throw new AuthClientException(AuthErrorCodes.InvalidRequest, "Account is required: pass one from GetAllAccountsAsync or an earlier result."), context.Authority);
        RequireAccountOf(context, account);
        var call = new SilentCall(request, account, context, RealmFor(context.Authority, account));
        var found = await FindAsync(call, cancellationToken).ConfigureAwait(false);
        if (found.Serve(call) is { } cached)
        {
            Log.CacheHit(Runtime.Logger, context.Scopes, context.CorrelationId);
            Log.AccountServed(Runtime.Logger, Runtime.EnablePiiLogging, account.HomeAccountId, account.Username, call.Realm, context.CorrelationId);
            Runtime.Headers.CacheHit(context.Authority);
            return cached;
        }

        var key = string.Join('\n', account.HomeAccountId, context.Authority.CanonicalAuthority, ScopeSet.From(context.Scopes).ToKey(), request.Claims, request.ForceRefresh);
        try
        {
            return await _refreshes.RunAsync(key, account.HomeAccountId, () => RefreshAsync(call), cancellationToken).ConfigureAwait(false);
        }
        catch (AuthException ex) when (ex is not InteractionRequiredException && found.Fallback(call) is { } fallback)
        {
            Log.ProactiveRefreshFailed(Runtime.Logger, ex.Code, context.CorrelationId);
            return fallback;
        }
    }

    /// <summary>
    /// Runs once per key, one per account at a time: looks again in memory (another caller may just have
    /// refreshed; the lookup before this one loaded the partition), then redeems the refresh token.
    /// </summary>
    private async Task<AuthenticationResult> RefreshAsync(SilentCall call)
    {
        var found = Find(Runtime.Cache.Store, call, withRefreshToken: true);
        if (found.Serve(call) is { } cached)
        {
            return cached;
        }

        if (found.RefreshToken?.Secret is not { Length: > 0 } refreshToken)
        {
            throw new InteractionRequiredException(AuthErrorCodes.NoTokensFound, "The cache holds no refresh token for this account and app. Sign the user in interactively.")
            {
                CorrelationId = call.Context.CorrelationId,
            };
        }

        var grant = call.Context.Grant(new("grant_type", "refresh_token"), new("refresh_token", refreshToken)) with
        {
            ApiId = ApiIds.Silent,
            CacheInfo = call.Request.ForceRefresh || call.Request.Claims is not null ? CacheInfo.ForceRefreshOrClaims : found.AccessToken is null ? CacheInfo.NoCachedToken : CacheInfo.Expired,
            Claims = call.Request.Claims,
            KnownAccount = Known(call.Account, call.Context.Authority, call.Realm),
            RefreshTokenScopes = new RefreshGrantScopes(found.RefreshToken.Target, found.AccessToken?.Target),
            ExtraQueryParameters = call.Request.ExtraQueryParameters,
        };
        return await _exchange.RedeemAsync(grant, CancellationToken.None).ConfigureAwait(false);
    }

    private ValueTask<CachedUserTokens> FindAsync(SilentCall call, CancellationToken cancellationToken) =>
        Runtime.Cache.ReadAsync(
            call.Account.HomeAccountId,
            isApplicationCache: false,
            (Flow: this, Call: call),
            static (store, find) => (find.Flow.Find(store, find.Call, withRefreshToken: false), false),
            cancellationToken);

    /// <summary>
    /// A generic OpenID Provider's account is kept per issuer (<see cref="IssuerScopedAccountId"/>): an account another
    /// issuer signed in, or one cached without an issuer (by MSAL or an earlier version), gets none of the cache's tokens
    /// here and its refresh token is never sent to this authority.
    /// </summary>
    private static void RequireAccountOf(RequestContext context, AccountInfo account)
    {
        if (IssuerScopedAccountId.Applies(context.Authority) && !IssuerScopedAccountId.BelongsTo(account.HomeAccountId ?? string.Empty, context.Authority))
        {
            throw new InteractionRequiredException(
                AuthErrorCodes.NoTokensFound,
                $"The account was not signed in at {context.Authority.CanonicalAuthority}: the cache keeps an OpenID Provider's accounts per issuer, and this one belongs to another issuer or was cached without its issuer (by MSAL or an earlier version of Auth). Sign the user in interactively at this authority.")
            {
                CorrelationId = context.CorrelationId,
            };
        }
    }

    /// <summary>
    /// Azure AD B2C keeps an account per policy (<see cref="B2CAccountId"/>): at a policy's authority the same user's account
    /// of that policy is used, whichever of the user's accounts the app passed, so each policy's tokens stay its own.
    /// </summary>
    private static AccountInfo OfPolicy(AccountInfo account, AuthorityInfo authority) =>
        authority.B2CPolicy is { } policy && account.HomeAccountId is { } home && B2CAccountId.ForPolicy(home, policy) is var own && !string.Equals(own, home, StringComparison.Ordinal)
            ? account with { HomeAccountId = own, IdTokenClaims = null }
            : account;

    /// <summary>The tenant to look in: the authority's when it names one by id, else the account's.</summary>
    private static string RealmFor(AuthorityInfo authority, AccountInfo account) =>
        authority.Mode == ProtocolMode.AzureAD && Guid.TryParse(authority.Tenant, out _)
            ? authority.Tenant
            : account.TenantId ?? authority.Tenant;

    private static AccountIdentity Known(AccountInfo account, AuthorityInfo authority, string realm) => new(
        account.HomeAccountId,
        authority.Environment,
        realm,
        account.LocalAccountId,
        account.Username,
        account.Name,
        ClientInfo: null,
        authority.AccountAuthorityType);

    /// <summary>Finds the account's cached tokens; the refresh token only when a refresh is about to use it.</summary>
    private CachedUserTokens Find(TokenCacheStore store, SilentCall call, bool withRefreshToken)
    {
        var clientId = Runtime.ClientId;
        var home = call.Account.HomeAccountId;
        var authority = call.Context.Authority;
        return new CachedUserTokens(
            UserTokenCache.FindAccessToken(store, clientId, home, authority, call.Realm, call.Context.Scopes, call.Context.QueryKey),
            withRefreshToken ? UserTokenCache.FindRefreshToken(store, clientId, home, authority) : null,
            UserTokenCache.FindAccount(store, home, call.Realm),
            UserTokenCache.FindIdToken(store, clientId, home, authority, call.Realm))
        {
            Now = Runtime.Time.GetUtcNow().ToUnixTimeSeconds(),
            Skew = Runtime.ClockSkew,
        };
    }

    private sealed record SilentCall(SilentFlowRequest Request, AccountInfo Account, RequestContext Context, string Realm);

    private sealed record CachedUserTokens(AccessTokenEntity? AccessToken, RefreshTokenEntity? RefreshToken, AccountEntity? Account, IdTokenEntity? IdToken)
    {
        public long Now { get; init; }

        public TimeSpan Skew { get; init; }

        /// <summary>The cached result when it may be served as is: valid, not due for refresh, not bypassed.</summary>
        public AuthenticationResult? Serve(SilentCall call) =>
            Fallback(call) is { } result && !(AccessToken!.RefreshOn <= Now) ? result : null;

        /// <summary>The cached result when the access token is still valid (used if a refresh fails).</summary>
        public AuthenticationResult? Fallback(SilentCall call) =>
            AccessToken is { } token && TokenFreshness.IsUsable(token, Now, Skew) && Account is not null && !call.Request.ForceRefresh && call.Request.Claims is null
                ? ResultFactory.ForUser(token, Account, IdToken, call.Context.Authority, call.Context.CorrelationId, TokenSource.Cache)
                : null;
    }
}
