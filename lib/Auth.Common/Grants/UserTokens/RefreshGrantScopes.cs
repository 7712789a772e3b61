namespace Auth.Common.Grants.UserTokens;

/// <summary>
/// What the cache knows about the scopes behind a refresh token about to be redeemed.
/// </summary>
/// <param name="Granted">
/// The refresh token's own <c>target</c>: the scopes the authority granted with it (the token
/// response's <c>scope</c>, or the scopes requested when the response named none, RFC 6749
/// section 5.1). The grant is known: a refresh may ask for these and nothing else (section 6).
/// </param>
/// <param name="Seen">
/// When <paramref name="Granted"/> is unknown (a refresh token cached before the target was kept,
/// or by another MSAL), the <c>target</c> of an access token from the same grant: scopes the grant
/// certainly holds, but maybe not all of them.
/// </param>
internal sealed record RefreshGrantScopes(string? Granted, string? Seen)
{
    /// <summary>Gets the scopes of a refresh token the cache knows nothing about (one the app brings).</summary>
    public static RefreshGrantScopes Unknown { get; } = new(null, null);
}
