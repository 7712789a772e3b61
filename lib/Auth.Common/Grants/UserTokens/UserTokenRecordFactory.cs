using Auth.Common.Accounts;
using Auth.Common.Cache;
using Auth.Common.Pipeline;
using Auth.Common.Runtime;

namespace Auth.Common.Grants.UserTokens;

/// <summary>Turns a user token response into the cache entities it produces.</summary>
internal static class UserTokenRecordFactory
{
    /// <param name="account">Who the tokens belong to.</param>
    /// <param name="clientId">The app.</param>
    /// <param name="requestedTarget">The app's scopes: the access token's target when the response names none.</param>
    /// <param name="response">The token response.</param>
    /// <param name="requestedAt">When the request was sent (lifetimes count from then).</param>
    /// <param name="refreshTokenTarget">The scopes of the refresh token's grant (<see cref="RefreshTokenTarget"/>), null when unknown.</param>
    /// <param name="userAssertionHash">The on-behalf-of assertion's hash, if any.</param>
    /// <param name="queryKey">The key of the extra query parameters the request carried (<see cref="QueryParameterKey"/>), if any: only the access token depends on them.</param>
    public static UserTokenRecord Create(AccountIdentity account, string clientId, string requestedTarget, TokenResponseJson response, DateTimeOffset requestedAt, string? refreshTokenTarget = null, string? userAssertionHash = null, string? queryKey = null)
    {
        var accountEntity = new AccountEntity
        {
            HomeAccountId = account.HomeAccountId,
            Environment = account.Environment,
            Realm = account.Realm,
            LocalAccountId = account.LocalAccountId,
            Username = account.Username,
            Name = account.Name,
            ClientInfo = account.ClientInfo,
            AuthorityType = account.AuthorityType,
            TenantProfiles = [TenantProfile(account)],
        };
        var idToken = string.IsNullOrEmpty(response.IdToken) ? null : new IdTokenEntity
        {
            HomeAccountId = account.HomeAccountId,
            Environment = account.Environment,
            CredentialType = CacheKeys.IdTokenType,
            ClientId = clientId,
            Secret = response.IdToken,
            Realm = account.Realm,
        };
        var refreshToken = string.IsNullOrEmpty(response.RefreshToken) ? null : new RefreshTokenEntity
        {
            HomeAccountId = account.HomeAccountId,
            Environment = account.Environment,
            CredentialType = CacheKeys.RefreshTokenType,
            ClientId = clientId,
            Secret = response.RefreshToken,
            FamilyId = string.IsNullOrEmpty(response.FamilyId) ? null : response.FamilyId,
            Target = refreshTokenTarget,
            UserAssertionHash = userAssertionHash,
        };
        var appMetadata = new AppMetadataEntity
        {
            ClientId = clientId,
            Environment = account.Environment,
            FamilyId = string.IsNullOrEmpty(response.FamilyId) ? null : response.FamilyId,
        };
        var accessToken = AccessTokenFactory.ForUser(account, clientId, requestedTarget, response, requestedAt, queryKey);
        accessToken.UserAssertionHash = userAssertionHash;
        return new UserTokenRecord(accountEntity, idToken, accessToken, refreshToken, appMetadata);
    }

    /// <summary>msal-node's tenant profile: a JSON string per tenant the account signed in to.</summary>
    private static string TenantProfile(AccountIdentity account) =>
        System.Text.Json.JsonSerializer.Serialize(
            new TenantProfileJson
            {
                TenantId = account.Realm,
                LocalAccountId = account.LocalAccountId ?? string.Empty,
                Name = account.Name ?? string.Empty,
                Username = account.Username ?? string.Empty,
                IsHomeTenant = account.ClientInfo is null || account.HomeAccountId.EndsWith("." + account.Realm, StringComparison.OrdinalIgnoreCase),
            },
            CacheJsonContext.Default.TenantProfileJson);
}
