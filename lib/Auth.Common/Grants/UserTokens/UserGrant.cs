using Auth.Common.Accounts;
using Auth.Common.Authority;
using Auth.Common.Telemetry;

namespace Auth.Common.Grants.UserTokens;

/// <summary>One user token request: the grant's own fields plus what every user grant shares.</summary>
internal sealed record UserGrant(
    AuthorityInfo Authority,
    IReadOnlyList<string> Scopes,
    Guid CorrelationId,
    IReadOnlyList<KeyValuePair<string, string>> GrantFields)
{
    public string? Claims { get; init; }

    /// <summary>Gets the nonce the ID token must carry (auth-code flows).</summary>
    public string? ExpectedNonce { get; init; }

    /// <summary>Gets the account the tokens belong to when the answer may carry no ID token (refresh).</summary>
    public AccountIdentity? KnownAccount { get; init; }

    public IReadOnlyDictionary<string, string>? ExtraQueryParameters { get; init; }

    public string? State { get; init; }

    public bool ReturnRefreshToken { get; init; }

    /// <summary>Gets whether the result carries the answer's <c>spa_code</c> (hybrid SPA); it is never cached.</summary>
    public bool ReturnSpaCode { get; init; }

    /// <summary>
    /// Gets, for a refresh_token grant, what the cache knows of the redeemed refresh token's grant
    /// (<see cref="RefreshGrantScopes.Unknown"/> when null), which decides the scopes the refresh asks for.
    /// </summary>
    public RefreshGrantScopes? RefreshTokenScopes { get; init; }

    /// <summary>Gets whether this is a refresh_token grant (RFC 6749 section 6), whichever flow sends it.</summary>
    public bool IsRefresh => GrantFields.Any(static f => f.Key == "grant_type" && f.Value == "refresh_token");

    /// <summary>Gets the hash of the incoming assertion (on-behalf-of): tokens are cached in its partition only.</summary>
    public string? UserAssertionHash { get; init; }

    /// <summary>
    /// Gets whether the answer replaces every token the app holds under <see cref="UserAssertionHash"/> (a
    /// long-running session started again: another user's tokens must not stay under the same key).
    /// </summary>
    public bool ReplacesOnBehalfOfTokens { get; init; }

    /// <summary>Gets the operation id for server telemetry.</summary>
    public int ApiId { get; init; } = Telemetry.ApiIds.AuthorizationCode;

    /// <summary>Gets why the cache did not serve the request, for server telemetry.</summary>
    public int CacheInfo { get; init; }

    /// <summary>Names the grant without its fields, which can hold codes, refresh tokens, assertions or passwords.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"UserGrant {{ ApiId = {ApiId}, Authority = {Authority.CanonicalAuthority}, CorrelationId = {CorrelationId} }}";
}
