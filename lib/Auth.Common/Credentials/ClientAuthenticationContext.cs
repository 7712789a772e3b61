namespace Auth.Common.Credentials;

/// <summary>What a client credential needs to know about the token request it authenticates.</summary>
/// <param name="ClientId">The application (client) id.</param>
/// <param name="TokenEndpoint">The token endpoint; the audience of a client assertion.</param>
/// <param name="TenantId">The tenant of the request, when the authority has one.</param>
/// <param name="Claims">The claims request, if any.</param>
/// <param name="Mode">The authority's protocol mode.</param>
/// <param name="SigningAlgorithms">The authority's <c>token_endpoint_auth_signing_alg_values_supported</c> (may be empty).</param>
/// <param name="AuthMethods">The authority's <c>token_endpoint_auth_methods_supported</c> (may be empty).</param>
public sealed record ClientAuthenticationContext(
    string ClientId,
    Uri TokenEndpoint,
    string? TenantId,
    string? Claims,
    Authority.ProtocolMode Mode,
    IReadOnlyList<string> SigningAlgorithms,
    IReadOnlyList<string> AuthMethods);
