using Auth.Common.Authority;
using Auth.Common.Telemetry;

namespace Auth.Common.Pipeline;

/// <summary>
/// What a grant hands to <see cref="TokenRequestSender"/>: its own form fields, and what the sender
/// needs to address, describe and authenticate the request. Everything else (client_id, scope,
/// client_info, claims, headers, telemetry, client authentication) the sender adds.
/// </summary>
internal sealed record TokenRequest
{
    public required AuthorityInfo Authority { get; init; }

    public required Guid CorrelationId { get; init; }

    /// <summary>Gets the operation id for server telemetry (<see cref="ApiIds"/>).</summary>
    public required int ApiId { get; init; }

    /// <summary>Gets the grant's own form fields (grant_type and what that grant needs).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> GrantFields { get; init; }

    /// <summary>Gets the space-separated scopes to send, or null to send none.</summary>
    public string? Scope { get; init; }

    /// <summary>Gets why the cache did not serve the request, for server telemetry (<see cref="CacheInfo"/>).</summary>
    public int CacheInfo { get; init; }

    /// <summary>Gets whether to ask Entra ID for client_info (user grants).</summary>
    public bool RequestClientInfo { get; init; }

    /// <summary>Gets the request's claims (a claims challenge); merged with the app's client capabilities.</summary>
    public string? Claims { get; init; }

    public IReadOnlyDictionary<string, string>? ExtraQueryParameters { get; init; }

    /// <summary>Gets the Azure region to send to first (client credentials only), or null.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// Gets whether sending the request a second time is harmless, so that a 5xx answer, a timeout or
    /// a failing region may be retried: only for requests that redeem nothing single-use (client
    /// credentials, whose client assertion is built anew for the retry; a device authorization
    /// request). False, the default, for every grant that carries an authorization code, a refresh
    /// token, a device code, a user assertion or a password: the authority may already have redeemed
    /// it, and a replay can revoke a whole refresh-token family.
    /// </summary>
    public bool Repeatable { get; init; }

    /// <summary>Names the request without its fields, which can hold codes, refresh tokens, assertions or passwords.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"TokenRequest {{ ApiId = {ApiId}, Authority = {Authority.CanonicalAuthority}, CorrelationId = {CorrelationId} }}";
}
