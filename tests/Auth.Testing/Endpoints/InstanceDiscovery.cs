using System.Text.Json;
using Auth.Testing.Errors;
using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>
/// Entra ID instance discovery (<c>GET /common/discovery/instance?api-version=1.1&amp;authorization_endpoint=…</c>),
/// as MSAL calls it. The only known instance is this server; aliases are its host name, without port, because
/// MSAL swaps the alias into the authority's host and keeps the port.
/// </summary>
internal sealed class InstanceDiscovery
{
    private readonly AuthorityUrls _urls;
    private readonly ErrorReplyWriter _errors;

    public InstanceDiscovery(AuthorityUrls urls, ErrorReplyWriter errors)
    {
        _urls = urls;
        _errors = errors;
    }

    public HttpReply Handle(string? authorizationEndpoint, string? clientRequestId)
    {
        if (authorizationEndpoint is null)
        {
            return _errors.Write(AadErrors.MissingParameter("authorization_endpoint"), clientRequestId);
        }

        if (!Uri.TryCreate(authorizationEndpoint, UriKind.Absolute, out var endpoint)
            || !string.Equals(endpoint.Host, _urls.BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            || endpoint.Segments.Length < 2)
        {
            return _errors.Write(AadErrors.UnknownInstance(), clientRequestId);
        }

        var tenant = endpoint.Segments[1].TrimEnd('/');
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("tenant_discovery_endpoint", _urls.Discovery(tenant));
            WriteMetadata(writer);
        });

        return HttpReply.Json(200, json);
    }

    /// <summary>The instance metadata without a tenant, for MSAL's <c>WithInstanceDiscoveryMetadata(string)</c>.</summary>
    public string MetadataJson() => JsonText.Object(WriteMetadata);

    private void WriteMetadata(Utf8JsonWriter writer)
    {
        var host = _urls.BaseUri.Host;
        writer.WriteString("api-version", "1.1");
        writer.WriteStartArray("metadata");
        writer.WriteStartObject();
        writer.WriteString("preferred_network", host);
        writer.WriteString("preferred_cache", host);
        JsonText.WriteStringArray(writer, "aliases", [host]);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
