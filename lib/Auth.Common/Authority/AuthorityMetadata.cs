namespace Auth.Common.Authority;

/// <summary>The endpoints of an authority, from its OpenID configuration.</summary>
internal sealed record AuthorityMetadata(
    string Issuer,
    Uri TokenEndpoint,
    Uri? AuthorizationEndpoint,
    Uri? DeviceAuthorizationEndpoint,
    Uri? JwksUri,
    Uri? EndSessionEndpoint,
    IReadOnlyList<string> TokenEndpointSigningAlgorithms,
    IReadOnlyList<string> TokenEndpointAuthMethods)
{
    /// <summary>Gets whether the authority sends <c>iss</c> with every authorization response (RFC 9207, <c>authorization_response_iss_parameter_supported</c>).</summary>
    public bool AuthorizationResponseIssuerSupported { get; init; }
}
