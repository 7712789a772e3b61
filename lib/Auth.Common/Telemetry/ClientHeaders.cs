using Auth.Common.Authority;
using Auth.Common.Errors;

namespace Auth.Common.Telemetry;

/// <summary>
/// The one place that decides the library's own request headers. Entra ID gets the correlation
/// id (<c>client-request-id</c>) and the library's name and version (<c>x-client-SKU</c>,
/// <c>x-client-VER</c>); other OpenID Providers get none of these Microsoft-specific headers.
/// </summary>
internal sealed class ClientHeaders
{
    private readonly string _sku;
    private readonly string _version;
    private readonly string _os;

    public ClientHeaders(string sku, string version, string os = "")
    {
        _sku = sku;
        _version = version;
        _os = os;
    }

    public static ClientHeaders None => new(string.Empty, string.Empty);

    /// <summary>Gets the app's server telemetry state.</summary>
    public ServerTelemetry Telemetry { get; } = new();

    public Dictionary<string, string> For(AuthorityInfo authority, Guid correlationId)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Write(headers, authority, correlationId);
        return headers;
    }

    private void Write(Dictionary<string, string> headers, AuthorityInfo authority, Guid correlationId)
    {
        if (authority.Mode != ProtocolMode.AzureAD)
        {
            return;
        }

        headers["client-request-id"] = correlationId.ToString();
        headers["return-client-request-id"] = "true";
        if (_sku.Length > 0)
        {
            headers["x-client-SKU"] = _sku;
            headers["x-client-VER"] = _version;
        }

        if (_os.Length > 0)
        {
            headers["x-client-OS"] = _os;
        }
    }

    /// <summary>Counts a cache hit for server telemetry; only Entra ID is ever told, so only its hits are counted.</summary>
    public void CacheHit(AuthorityInfo authority)
    {
        if (authority.Mode == ProtocolMode.AzureAD)
        {
            Telemetry.CacheHit();
        }
    }

    /// <summary>Returns the headers of a token request: the library's, and server telemetry for <paramref name="apiId"/> (Entra ID only).</summary>
    public Dictionary<string, string> ForTokenRequest(AuthorityInfo authority, Guid correlationId, int apiId, int cacheInfo)
    {
        var headers = For(authority, correlationId);
        if (authority.Mode == ProtocolMode.AzureAD)
        {
            headers["x-client-current-telemetry"] = ServerTelemetry.Current(apiId, cacheInfo);
            headers["x-client-last-telemetry"] = Telemetry.Last();
        }

        return headers;
    }

    /// <summary>Records the authority's answer to a token request in server telemetry (Entra ID only).</summary>
    public void Answered(AuthorityInfo authority, int apiId, Guid correlationId, AuthServiceException? error)
    {
        if (authority.Mode == ProtocolMode.AzureAD)
        {
            Telemetry.Report(apiId, correlationId, error);
        }
    }
}
