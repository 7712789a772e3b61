namespace Auth.Testing.Endpoints;

/// <summary>A request path resolved to an endpoint of one authority kind.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Kind">The authority kind the path (and host) select.</param>
/// <param name="Tenant">The tenant path segment; <c>adfs</c> for AD FS.</param>
/// <param name="Policy">The B2C policy as sent, or <see langword="null"/>.</param>
internal sealed record RequestRoute(RouteEndpoint Endpoint, AuthorityKind Kind, string Tenant, string? Policy)
{
    /// <summary>The methods the endpoint answers, as an <c>Allow</c> header: POST for token and device code, GET and POST (the sign-in form) for authorize and the device login page, GET for the rest.</summary>
    public string Allow => Endpoint switch
    {
        RouteEndpoint.Token or RouteEndpoint.DeviceCode => "POST",
        RouteEndpoint.Authorize or RouteEndpoint.DeviceLogin => "GET, POST",
        _ => "GET",
    };

    /// <summary>Whether the endpoint answers <paramref name="method"/>.</summary>
    public bool Allows(string method) => Allow.Split(", ").Contains(method, StringComparer.OrdinalIgnoreCase);
}
