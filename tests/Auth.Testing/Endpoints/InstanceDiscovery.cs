using System.Text.Json;
using Auth.Testing.Clouds;
using Auth.Testing.Errors;
using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>
/// Entra ID instance discovery (<c>GET /common/discovery/instance?api-version=1.1&amp;authorization_endpoint=…</c>),
/// as MSAL calls it: the <c>tenant_discovery_endpoint</c> on the authorization endpoint's host (and port, when it
/// names one) and Entra's cloud groups (public, US Government, China) plus one for this server's own host, whose
/// alias is its host name without port (MSAL swaps aliases into the authority's host and keeps the port), and the
/// clouds added with <see cref="AddCloud"/>. A host in no group gets 400 <c>invalid_instance</c> (AADSTS50049), as from Entra.
/// </summary>
internal sealed class InstanceDiscovery
{
    private readonly CloudGroup _local;
    private readonly ErrorReplyWriter _errors;
    private System.Collections.Immutable.ImmutableList<CloudGroup> _added = [];

    public InstanceDiscovery(AuthorityUrls urls, ErrorReplyWriter errors)
    {
        var host = urls.BaseUri.Host;
        _local = new CloudGroup(host, host, [host], host);
        _errors = errors;
    }

    /// <summary>Vouches for one more cloud from now on.</summary>
    public void AddCloud(CloudGroup cloud) => System.Collections.Immutable.ImmutableInterlocked.Update(ref _added, added => added.Add(cloud));

    public HttpReply Handle(string? authorizationEndpoint, string? clientRequestId)
    {
        if (authorizationEndpoint is null)
        {
            return _errors.Write(AadErrors.MissingParameter("authorization_endpoint"), clientRequestId);
        }

        if (!Uri.TryCreate(authorizationEndpoint, UriKind.Absolute, out var endpoint)
            || !Groups().Any(group => group.Contains(endpoint.Host))
            || endpoint.Segments.Length < 2)
        {
            return _errors.Write(AadErrors.UnknownInstance(), clientRequestId);
        }

        var tenant = endpoint.Segments[1].TrimEnd('/');
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("tenant_discovery_endpoint", $"{endpoint.GetLeftPart(UriPartial.Authority)}/{tenant}/v2.0/.well-known/openid-configuration");
            WriteMetadata(writer);
        });

        return HttpReply.Json(200, json);
    }

    /// <summary>The instance metadata without a tenant, for MSAL's <c>WithInstanceDiscoveryMetadata(string)</c>.</summary>
    public string MetadataJson() => JsonText.Object(WriteMetadata);

    private IEnumerable<CloudGroup> Groups() => EntraClouds.Known.Append(_local).Concat(Volatile.Read(ref _added));

    private void WriteMetadata(Utf8JsonWriter writer)
    {
        writer.WriteString("api-version", "1.1");
        writer.WriteStartArray("metadata");
        foreach (var group in Groups())
        {
            writer.WriteStartObject();
            writer.WriteString("preferred_network", group.PreferredNetwork);
            writer.WriteString("preferred_cache", group.PreferredCache);
            JsonText.WriteStringArray(writer, "aliases", group.Aliases);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
