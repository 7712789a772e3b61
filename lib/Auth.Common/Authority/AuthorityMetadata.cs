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
    IReadOnlyList<string> TokenEndpointAuthMethods);
