using Auth.Common.Accounts;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Pipeline;

namespace Auth.Common.Runtime;

/// <summary>Builds the cache entity for a token response (times are request time + lifetimes).</summary>
internal static class AccessTokenFactory
{
    /// <summary>
    /// An app token is cached under the scopes the app asked for when the authority's answer does
    /// not name them: some OpenID Providers answer a client-credentials request with their default
    /// scopes, and keying the token by those would make every later call miss the cache. What was
    /// granted is kept beside it (<see cref="AccessTokenEntity.GrantedTarget"/>), so every result,
    /// fresh or cached, reports the granted scopes (RFC 6749 section 5.1).
    /// </summary>
    /// <remarks>
    /// The token records the authority's issuer when realms do not tell issuers apart (<see cref="AuthorityInfo.AppTokenIssuer"/>)
    /// and the extra query parameters it was obtained with (<paramref name="queryKey"/>).
    /// </remarks>
    public static AccessTokenEntity ForApp(string clientId, AuthorityInfo authority, string realm, string requestedTarget, TokenResponseJson response, DateTimeOffset requestedAt, string? queryKey = null)
    {
        var token = Create(string.Empty, clientId, authority.Environment, realm, requestedTarget, response, requestedAt, queryKey);
        token.Issuer = authority.AppTokenIssuer;
        if (!token.Scopes.Covers(ScopeSet.Parse(requestedTarget)))
        {
            token.GrantedTarget = token.Target;
            token.Target = requestedTarget;
        }

        return token;
    }

    /// <summary>A user's access token; <paramref name="queryKey"/> names the extra query parameters it was obtained with.</summary>
    public static AccessTokenEntity ForUser(AccountIdentity account, string clientId, string requestedTarget, TokenResponseJson response, DateTimeOffset requestedAt, string? queryKey = null) =>
        Create(account.HomeAccountId, clientId, account.Environment, account.Realm, requestedTarget, response, requestedAt, queryKey);

    private static AccessTokenEntity Create(string homeAccountId, string clientId, string environment, string realm, string requestedTarget, TokenResponseJson response, DateTimeOffset requestedAt, string? queryKey)
    {
        var now = requestedAt.ToUnixTimeSeconds();
        var expiresOn = EpochSeconds.Add(now, response.ExpiresIn!.Value);
        return new AccessTokenEntity
        {
            HomeAccountId = homeAccountId,
            Environment = environment,
            CredentialType = queryKey is null ? CacheKeys.AccessTokenType : CacheKeys.AccessTokenExtendedType,
            ClientId = clientId,
            Secret = response.AccessToken,
            Realm = realm,
            Target = string.IsNullOrWhiteSpace(response.Scope) ? requestedTarget : response.Scope,
            CachedAt = now,
            ExpiresOn = expiresOn,
            ExtendedExpiresOn = response.ExtExpiresIn is > 0 ? EpochSeconds.Add(now, response.ExtExpiresIn.Value) : expiresOn,
            RefreshOn = response.RefreshIn is > 0 ? EpochSeconds.Add(now, response.RefreshIn.Value) : null,
            TokenType = "Bearer",
            ExtCacheKey = queryKey,
        };
    }
}
