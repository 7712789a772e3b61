using System.Text;

namespace Auth.Common.Responses;

/// <summary>A token and what is known about it. <see cref="ToString"/> never prints a token.</summary>
public sealed record AuthenticationResult
{
    /// <summary>Gets the access token to send as <c>Authorization: Bearer …</c>.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Gets the raw ID token, for user flows that asked for <c>openid</c>.</summary>
    public string? IdToken { get; init; }

    /// <summary>Gets the signed-in account; null for app-only tokens.</summary>
    public AccountInfo? Account { get; init; }

    /// <summary>Gets the scopes the authority granted: its <c>scope</c> answer, or the requested scopes when it named none (RFC 6749 section 5.1). An app token may be cached under the requested scopes when the authority named others; it still reports what was granted.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets when the access token expires.</summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>Gets until when the token may be used if the authority is unavailable (Entra ID resilience).</summary>
    public DateTimeOffset ExtendedExpiresOn { get; init; }

    /// <summary>Gets when the library will proactively refresh the token, if the authority said.</summary>
    public DateTimeOffset? RefreshOn { get; init; }

    /// <summary>Gets the token type (<c>Bearer</c>).</summary>
    public string TokenType { get; init; } = "Bearer";

    /// <summary>Gets the tenant the token was issued in, when known.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the user's unique id (<c>oid</c> or <c>sub</c>), for user tokens.</summary>
    public string? UniqueId { get; init; }

    /// <summary>Gets the ID token's claims, for user tokens.</summary>
    public IReadOnlyDictionary<string, string>? IdTokenClaims { get; init; }

    /// <summary>Gets the correlation id of the request.</summary>
    public Guid CorrelationId { get; init; }

    /// <summary>Gets the authority that issued the token.</summary>
    public string? Authority { get; init; }

    /// <summary>Gets the state returned by an authorization-code flow.</summary>
    public string? State { get; init; }

    /// <summary>Gets whether the token came from the cache or the identity provider.</summary>
    public TokenSource Source { get; init; }

    /// <summary>Gets the refresh token, only from a refresh-token request that asked for it.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>
    /// Gets the SPA authorization code the authority returned (<c>spa_code</c>) when the code redemption asked for one
    /// (<c>AuthorizationCodeRequest.EnableSpaAuthorizationCode</c>): a one-time code for the app's single-page app to redeem
    /// in the browser. Hand it to the page that redeems it (in the page, not in a URL); it is never cached or logged, so
    /// every other result has none.
    /// </summary>
    public string? SpaAuthCode { get; init; }

    /// <summary>Describes the result without any token.</summary>
    /// <param name="builder">The builder to append to.</param>
    /// <returns>Always true.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Source = ").Append(Source)
            .Append(", Scopes = ").Append(string.Join(' ', Scopes))
            .Append(", ExpiresOn = ").Append(ExpiresOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", TenantId = ").Append(TenantId)
            .Append(", CorrelationId = ").Append(CorrelationId)
            .Append(", AccessToken = (redacted)");
        if (SpaAuthCode is not null)
        {
            builder.Append(", SpaAuthCode = (redacted)");
        }

        return true;
    }
}
