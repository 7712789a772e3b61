namespace Auth.Testing.Endpoints;

/// <summary>The Entra-style URL layout of the fake authority, per tenant path segment.</summary>
internal sealed class AuthorityUrls
{
    public AuthorityUrls(Uri baseUri, string tenantId)
    {
        BaseUri = baseUri;
        TenantId = tenantId;
    }

    /// <summary>The server root, with a trailing slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>The configured home tenant id.</summary>
    public string TenantId { get; }

    public string Authority(string tenant) => $"{BaseUri}{tenant}";

    public string Issuer(string tenant) => $"{BaseUri}{tenant}/v2.0";

    public string Discovery(string tenant) => $"{Issuer(tenant)}/.well-known/openid-configuration";

    public string Authorize(string tenant) => $"{BaseUri}{tenant}/oauth2/v2.0/authorize";

    public string Token(string tenant) => $"{BaseUri}{tenant}/oauth2/v2.0/token";

    public string DeviceCode(string tenant) => $"{BaseUri}{tenant}/oauth2/v2.0/devicecode";

    public string Logout(string tenant) => $"{BaseUri}{tenant}/oauth2/v2.0/logout";

    public string Jwks(string tenant) => $"{BaseUri}{tenant}/discovery/v2.0/keys";

    /// <summary>The Entra profile of the home tenant on <see cref="BaseUri"/> (for tokens minted without a request).</summary>
    public AuthorityProfile HomeProfile => AuthorityProfile.Entra(BaseUri.GetLeftPart(UriPartial.Authority), TenantId);

    /// <summary>The tenant id for the <c>tid</c> claim: the path segment when it is a GUID, else the home tenant.</summary>
    public string ResolveTenantId(string tenant) => Guid.TryParse(tenant, out _) ? tenant : TenantId;
}
