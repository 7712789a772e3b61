namespace Auth.Testing.Endpoints;

/// <summary>A request path resolved to an endpoint of one authority kind.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Kind">The authority kind the path (and host) select.</param>
/// <param name="Tenant">The tenant path segment; <c>adfs</c> for AD FS.</param>
/// <param name="Policy">The B2C policy as sent, or <see langword="null"/>.</param>
internal sealed record RequestRoute(RouteEndpoint Endpoint, AuthorityKind Kind, string Tenant, string? Policy)
{
    /// <summary>Whether the endpoint is called with POST (token, device code) rather than GET.</summary>
    public bool IsPost => Endpoint is RouteEndpoint.Token or RouteEndpoint.DeviceCode;
}
