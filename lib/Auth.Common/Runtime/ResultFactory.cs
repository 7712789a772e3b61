using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Responses;

namespace Auth.Common.Runtime;

/// <summary>Builds the <see cref="AuthenticationResult"/> the app sees from a cached or new token.</summary>
internal static class ResultFactory
{
    public static AuthenticationResult FromEntity(AccessTokenEntity token, AuthorityInfo authority, Guid correlationId, TokenSource source) =>
        Build(token, authority, correlationId, source, account: null, idToken: null, claims: null);

    /// <summary>A user token result; the ID token's claims come decoded once per cached ID token.</summary>
    public static AuthenticationResult ForUser(
        AccessTokenEntity token,
        AccountEntity account,
        IdTokenEntity? idToken,
        AuthorityInfo authority,
        Guid correlationId,
        TokenSource source,
        string? state = null,
        string? refreshToken = null,
        string? spaAuthCode = null)
    {
        var claims = idToken?.Claims;
        return Build(token, authority, correlationId, source, account.ToAccountInfo(claims), idToken?.Secret, claims, state, refreshToken, spaAuthCode);
    }

    private static AuthenticationResult Build(
        AccessTokenEntity token,
        AuthorityInfo authority,
        Guid correlationId,
        TokenSource source,
        AccountInfo? account,
        string? idToken,
        IReadOnlyDictionary<string, string>? claims,
        string? state = null,
        string? refreshToken = null,
        string? spaAuthCode = null) => new()
        {
            AccessToken = token.Secret!,
            Scopes = token.GrantedScopeList,
            ExpiresOn = EpochSeconds.ToDateTimeOffset(token.ExpiresOn!.Value),
            ExtendedExpiresOn = EpochSeconds.ToDateTimeOffset(token.ExtendedExpiresOn ?? token.ExpiresOn.Value),
            RefreshOn = token.RefreshOn is { } refreshOn ? EpochSeconds.ToDateTimeOffset(refreshOn) : null,
            TokenType = token.TokenType ?? "Bearer",
            TenantId = token.IssuedTenant,
            CorrelationId = correlationId,
            Authority = authority.CanonicalAuthority,
            Source = source,
            Account = account,
            IdToken = idToken,
            UniqueId = account?.LocalAccountId,
            IdTokenClaims = claims,
            State = state,
            RefreshToken = refreshToken,
            SpaAuthCode = spaAuthCode,
        };

    /// <summary>A cached on-behalf-of token: the account is known only by the ids the token entry carries.</summary>
    public static AuthenticationResult ForOnBehalfOf(AccessTokenEntity token, AuthorityInfo authority, Guid correlationId) =>
        Build(
            token,
            authority,
            correlationId,
            TokenSource.Cache,
            new AccountInfo { HomeAccountId = token.HomeAccountId!, Environment = token.Environment!, TenantId = token.Realm },
            idToken: null,
            claims: null);
}
