using System.Text.Json.Nodes;
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
    /// <param name="profile">The authority the request was sent to.</param>
    /// <param name="responseIssuer">Whether to advertise <c>authorization_response_iss_parameter_supported</c> (RFC 9207).</param>
    public HttpReply For(AuthorityProfile profile, bool responseIssuer)
    {
        var grants = _grantTypes.Order(StringComparer.Ordinal).ToArray();
        var json = profile.Kind switch
        {
            AuthorityKind.B2C => B2CDiscoveryDocument.Write(profile, grants),
            AuthorityKind.Adfs => AdfsDiscoveryDocument.Write(profile, grants),
            _ => EntraDiscoveryDocument.Write(profile, grants),
        };
        if (responseIssuer)
        {
            var document = JsonNode.Parse(json)!.AsObject();
            document["authorization_response_iss_parameter_supported"] = true;
            json = document.ToJsonString();
        }

        return HttpReply.Json(200, json);
    }
}
