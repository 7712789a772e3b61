namespace Auth.Common.Cache;

/// <summary>Cache keys of the MSAL unified schema: lower-cased segments joined by '-'.</summary>
internal static class CacheKeys
{
    public const string AccessTokenType = "AccessToken";

    /// <summary>MSAL.NET's credential type of an access token whose key has more components (<see cref="QueryParameterKey"/>).</summary>
    public const string AccessTokenExtendedType = "AccessToken_Extended";
    public const string RefreshTokenType = "RefreshToken";
    public const string IdTokenType = "IdToken";
    private const string AppPartitionSuffix = "_AppTokenCache";

    public static string Credential(string? homeAccountId, string? environment, string credentialType, string? clientId, string? realm, string? target) =>
        string.Join('-', homeAccountId ?? string.Empty, environment ?? string.Empty, credentialType, clientId ?? string.Empty, realm ?? string.Empty, target ?? string.Empty)
            .ToLowerInvariant();

    /// <summary>
    /// The key of an access token: <paramref name="credentialKey"/>, then the query parameters' key and the issuer as
    /// further segments when the token has them (the issuer last, so MSAL.NET's form is a prefix).
    /// </summary>
    public static string AccessToken(string credentialKey, string? queryKey, string? issuer) =>
        queryKey is null && issuer is null ? credentialKey
        : string.Concat(credentialKey, queryKey is null ? string.Empty : "-" + queryKey.ToLowerInvariant(), issuer is null ? string.Empty : "-" + issuer.ToLowerInvariant());

    /// <summary>Appends the segments <see cref="AccessToken"/> adds to <paramref name="key"/>.</summary>
    public static void WriteAccessTokenSuffix(ref CacheKeyBuilder key, string? queryKey, string? issuer)
    {
        if (queryKey is not null)
        {
            key.Append('-');
            key.AppendLower(queryKey);
        }

        if (issuer is not null)
        {
            key.Append('-');
            key.AppendLower(issuer);
        }
    }

    /// <summary>Writes the key <see cref="Credential"/> returns, with the target given as its scopes, into <paramref name="key"/>.</summary>
    public static void WriteCredential(ref CacheKeyBuilder key, string? homeAccountId, string environment, string credentialType, string clientId, string realm, IReadOnlyList<string> scopes)
    {
        key.AppendLower(homeAccountId);
        key.Append('-');
        key.AppendLower(environment);
        key.Append('-');
        key.AppendLower(credentialType);
        key.Append('-');
        key.AppendLower(clientId);
        key.Append('-');
        key.AppendLower(realm);
        key.Append('-');
        for (var i = 0; i < scopes.Count; i++)
        {
            if (i > 0)
            {
                key.Append(' ');
            }

            key.AppendLower(scopes[i]);
        }
    }

    public static string Account(string? homeAccountId, string? environment, string? realm) =>
        string.Join('-', homeAccountId ?? string.Empty, environment ?? string.Empty, realm ?? string.Empty).ToLowerInvariant();

    public static string AppMetadata(string? environment, string? clientId) =>
        string.Join('-', "appmetadata", environment ?? string.Empty, clientId ?? string.Empty).ToLowerInvariant();

    /// <summary>The partition of an app's tokens for one tenant (what MSAL calls the suggested cache key).</summary>
    public static string AppPartition(string? clientId, string? realm) =>
        $"{clientId}_{realm}{AppPartitionSuffix}";

    /// <summary>Writes the key <see cref="AppPartition"/> returns into <paramref name="key"/>.</summary>
    public static void WriteAppPartition(ref CacheKeyBuilder key, string clientId, string realm)
    {
        key.Append(clientId);
        key.Append('_');
        key.Append(realm);
        key.Append(AppPartitionSuffix);
    }
}
