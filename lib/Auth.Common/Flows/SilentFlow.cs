using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Threading;

namespace Auth.Common.Flows;

/// <summary>
/// A token for a known account without the user: the cached access token when it covers the
/// scopes and is valid; otherwise the cached refresh token is redeemed (once, however many
/// callers ask at the same time). No refresh token, or one the authority refuses, means
/// <see cref="InteractionRequiredException"/>.
/// </summary>
internal sealed class SilentFlow
{
    private readonly UserTokenExchange _exchange;
    private readonly SingleFlight<string, AuthenticationResult> _flight = new();

    public SilentFlow(UserTokenExchange exchange) => _exchange = exchange;

    private ClientRuntime Runtime => _exchange.Runtime;

    public async Task<AuthenticationResult> AcquireAsync(SilentFlowRequest request, CancellationToken cancellationToken)
    {
        var context = RequestContext.Resolve(Runtime, request, request.Scopes);
        var account = request.Account ?? throw new AuthClientException(AuthErrorCodes.InvalidRequest, "Account is required: pass one from GetAllAccountsAsync or an earlier result.");
        var realm = RealmFor(context.Authority, account);
        var found = await Runtime.Cache.AccessAsync(
            account.HomeAccountId,
            isApplicationCache: false,
            store => (Find(store, account, context, realm), false),
            cancellationToken).ConfigureAwait(false);

        var now = Runtime.Time.GetUtcNow().ToUnixTimeSeconds();
        var usable = found.AccessToken is { } at && at.ExpiresOn > now + (long)Runtime.ClockSkew.TotalSeconds ? at : null;
        if (usable is not null && !request.ForceRefresh && request.Claims is null && !(usable.RefreshOn <= now) && found.Account is not null)
        {
            Log.CacheHit(Runtime.Logger, string.Join(' ', context.Scopes), context.CorrelationId);
            return ResultFactory.ForUser(usable, found.Account, found.IdToken, context.Authority, context.CorrelationId, TokenSource.Cache);
        }

        if (found.RefreshToken?.Secret is not { Length: > 0 } refreshToken)
        {
            throw new InteractionRequiredException(AuthErrorCodes.NoTokensFound, "The cache holds no refresh token for this account and app. Sign the user in interactively.")
            {
                CorrelationId = context.CorrelationId,
            };
        }

        var grant = context.Grant(new("grant_type", "refresh_token"), new("refresh_token", refreshToken)) with
        {
            Claims = request.Claims,
            KnownAccount = Known(account, context.Authority, realm),
            ExtraQueryParameters = request.ExtraQueryParameters,
        };
        var key = string.Join('\n', account.HomeAccountId, context.Authority.CanonicalAuthority, ScopeSet.From(context.Scopes).ToKey(), request.Claims, request.ForceRefresh);
        try
        {
            return await _flight.RunAsync(key, () => _exchange.RedeemAsync(grant, CancellationToken.None), cancellationToken).ConfigureAwait(false);
        }
        catch (AuthException ex) when (ex is not InteractionRequiredException && usable is not null && found.Account is not null && !request.ForceRefresh && request.Claims is null)
        {
            Log.ProactiveRefreshFailed(Runtime.Logger, ex.Code, context.CorrelationId);
            return ResultFactory.ForUser(usable, found.Account, found.IdToken, context.Authority, context.CorrelationId, TokenSource.Cache);
        }
    }

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
        authority.Mode == ProtocolMode.AzureAD ? "MSSTS" : "Generic");

    private CachedUserTokens Find(TokenCacheStore store, AccountInfo account, RequestContext context, string realm)
    {
        var clientId = Runtime.ClientId;
        var home = account.HomeAccountId;
        return new CachedUserTokens(
            UserTokenCache.FindAccessToken(store, clientId, home, context.Authority, realm, ScopeSet.From(context.Scopes)),
            UserTokenCache.FindRefreshToken(store, clientId, home, context.Authority),
            UserTokenCache.FindAccount(store, home, realm),
            UserTokenCache.FindIdToken(store, clientId, home, realm));
    }

    private sealed record CachedUserTokens(AccessTokenEntity? AccessToken, RefreshTokenEntity? RefreshToken, AccountEntity? Account, IdTokenEntity? IdToken);
}
