namespace Auth.Testing.Endpoints;

/// <summary>
/// The authority one request talks to: its kind, the origin it came in on (scheme and Host header, port only when
/// the header has one), its tenant path segment and B2C policy. Builds every URL and issuer the fake puts in its
/// answers, so documents and tokens name the host the client used.
/// </summary>
/// <param name="Kind">The authority kind.</param>
/// <param name="Origin">E.g. <c>https://login.windows.net</c> or <c>https://localhost:54321</c> (no trailing slash).</param>
/// <param name="Tenant">The tenant path segment (a GUID, <c>common</c>, a domain...); <c>adfs</c> for AD FS.</param>
/// <param name="Policy">The B2C policy as sent, or <see langword="null"/>.</param>
/// <param name="HomeTenantId">The fake's tenant id, for tenant segments that are not GUIDs.</param>
internal sealed record AuthorityProfile(AuthorityKind Kind, string Origin, string Tenant, string? Policy, string HomeTenantId)
{
    public const string AdfsSegment = "adfs";

    /// <summary>The placeholder of Entra's multi-tenant issuer.</summary>
    public const string TenantTemplate = "{tenantid}";

    /// <summary>The Entra profile of a home tenant on an origin.</summary>
    public static AuthorityProfile Entra(string origin, string tenantId) => new(AuthorityKind.Entra, origin, tenantId, null, tenantId);

    /// <summary>The tenant id: the path segment when it is a GUID, else the home tenant.</summary>
    public string TenantId => ResolveTenantId(Tenant);

    /// <summary>The host (and port, when the request named one), e.g. <c>login.windows.net</c>.</summary>
    public string HostAndPort => Origin[(Origin.IndexOf("://", StringComparison.Ordinal) + 3)..];

    /// <summary>The host without port, e.g. <c>login.windows.net</c>.</summary>
    public string Host => new Uri(Origin).Host;

    /// <summary>Where this authority's endpoints live: <c>{origin}/{tenant}</c>, <c>{origin}/{tenant}/{policy}</c> (lower case) or <c>{origin}/adfs</c>.</summary>
    public string EndpointBase => Kind switch
    {
        AuthorityKind.Adfs => $"{Origin}/{AdfsSegment}",
        AuthorityKind.B2C => $"{Origin}/{Tenant}/{Policy!.ToLowerInvariant()}",
        _ => $"{Origin}/{Tenant}",
    };

    /// <summary>
    /// The issuer of the discovery document for the path segment of this request: the tenant's issuer, except in Entra ID for
    /// a segment that is not a tenant id (<c>common</c>, <c>organizations</c>, <c>consumers</c>, a domain name), where it is
    /// the template <c>{origin}/{tenantid}/v2.0</c> that each token's <c>tid</c> fills in, as Entra publishes for
    /// <c>common</c> and <c>organizations</c> (for <c>consumers</c> and domain names Entra names the tenant's id, which
    /// the fake, mapping no domains to tenants, does not know).
    /// </summary>
    public string DocumentIssuer => Kind == AuthorityKind.Entra && !Guid.TryParse(Tenant, out _) ? Issuer(TenantTemplate) : Issuer(Tenant);

    public string Discovery => Kind switch
    {
        AuthorityKind.Adfs => $"{EndpointBase}/.well-known/openid-configuration",
        AuthorityKind.B2C => $"{EndpointBase}/v2.0/.well-known/openid-configuration",
        _ => $"{Origin}/{Tenant}/v2.0/.well-known/openid-configuration",
    };

    public string Authorize => Endpoint("authorize");

    public string Token => Endpoint("token");

    public string DeviceCode => Endpoint("devicecode");

    public string Logout => Endpoint("logout");

    public string Jwks => Kind == AuthorityKind.Adfs ? $"{EndpointBase}/discovery/keys" : $"{EndpointBase}/discovery/v2.0/keys";

    /// <summary>The page a device code user opens.</summary>
    public string DeviceVerificationUri => Kind == AuthorityKind.Adfs ? $"{EndpointBase}/oauth2/deviceauth" : $"{Origin}/devicelogin";

    /// <summary>AD FS access tokens' issuer (<c>http://{host}/adfs/services/trust</c>); the ID token issuer otherwise.</summary>
    public string AccessTokenIssuer(string tenant) =>
        Kind == AuthorityKind.Adfs ? $"http://{HostAndPort}/{AdfsSegment}/services/trust" : Issuer(tenant);

    /// <summary>
    /// The issuer for a tenant: Entra <c>{origin}/{tenant}/v2.0</c>; CIAM <c>https://{tid}.ciamlogin.com/{tid}/v2.0</c>;
    /// B2C <c>{origin}/{tid}/v2.0/</c> (trailing slash); AD FS <c>{origin}/adfs</c>.
    /// </summary>
    public string Issuer(string tenant) => Kind switch
    {
        AuthorityKind.Adfs => $"{Origin}/{AdfsSegment}",
        AuthorityKind.B2C => $"{Origin}/{ResolveTenantId(tenant)}/v2.0/",
        AuthorityKind.Ciam => $"https://{ResolveTenantId(tenant)}.ciamlogin.com/{ResolveTenantId(tenant)}/v2.0",
        _ => $"{Origin}/{tenant}/v2.0",
    };

    public string ResolveTenantId(string tenant) => Guid.TryParse(tenant, out var id) ? id.ToString() : HomeTenantId;

    private string Endpoint(string name) =>
        Kind == AuthorityKind.Adfs ? $"{EndpointBase}/oauth2/{name}" : $"{EndpointBase}/oauth2/v2.0/{name}";
}
