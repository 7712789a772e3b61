using Auth.Common.Authority;

namespace Auth.Common.Protocol;

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

    /// <summary>Adds the headers of a token request, with server telemetry for <paramref name="apiId"/> (Entra ID only).</summary>
    public void AddTo(TokenRequestContent content, AuthorityInfo authority, Guid correlationId, int apiId, int cacheInfo = CacheInfo.NotApplicable)
    {
        Write(content.Headers, authority, correlationId);

        if (authority.Mode == ProtocolMode.AzureAD)
        {
            content.Headers["x-client-current-telemetry"] = ServerTelemetry.Current(apiId, cacheInfo);
            content.Headers["x-client-last-telemetry"] = Telemetry.Last();
            content.OnAnswered = error => Telemetry.Report(apiId, correlationId, error);
        }
    }
}
