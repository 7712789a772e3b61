namespace Auth.Common.Cache;

/// <summary>Cache keys of the MSAL unified schema: lower-cased segments joined by '-'.</summary>
internal static class CacheKeys
{
    public const string AccessTokenType = "AccessToken";
    public const string RefreshTokenType = "RefreshToken";
    public const string IdTokenType = "IdToken";

    public static string Credential(string? homeAccountId, string? environment, string credentialType, string? clientId, string? realm, string? target) =>
        string.Join('-', homeAccountId ?? string.Empty, environment ?? string.Empty, credentialType, clientId ?? string.Empty, realm ?? string.Empty, target ?? string.Empty)
            .ToLowerInvariant();

    public static string Account(string? homeAccountId, string? environment, string? realm) =>
        string.Join('-', homeAccountId ?? string.Empty, environment ?? string.Empty, realm ?? string.Empty).ToLowerInvariant();

    public static string AppMetadata(string? environment, string? clientId) =>
        string.Join('-', "appmetadata", environment ?? string.Empty, clientId ?? string.Empty).ToLowerInvariant();

    /// <summary>The partition of an app's tokens for one tenant (what MSAL calls the suggested cache key).</summary>
    public static string AppPartition(string? clientId, string? realm) =>
        $"{clientId}_{realm}_AppTokenCache";
}
