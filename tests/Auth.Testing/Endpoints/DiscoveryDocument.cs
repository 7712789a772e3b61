using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>The OpenID Provider metadata (OpenID Connect Discovery 1.0 §3) in the shape of the authority kind asked.</summary>
internal sealed class DiscoveryDocument
{
    private readonly IReadOnlyCollection<string> _grantTypes;

    /// <param name="grantTypes">The grant types the token endpoint actually serves.</param>
    public DiscoveryDocument(IReadOnlyCollection<string> grantTypes)
    {
        _grantTypes = grantTypes;
    }

    /// <summary>The document of the authority the request was sent to; every URL in it is on the request's origin.</summary>
    public HttpReply For(AuthorityProfile profile)
    {
        var grants = _grantTypes.Order(StringComparer.Ordinal).ToArray();
        var json = profile.Kind switch
        {
            AuthorityKind.B2C => B2CDiscoveryDocument.Write(profile, grants),
            AuthorityKind.Adfs => AdfsDiscoveryDocument.Write(profile, grants),
            _ => EntraDiscoveryDocument.Write(profile, grants),
        };
        return HttpReply.Json(200, json);
    }
}
