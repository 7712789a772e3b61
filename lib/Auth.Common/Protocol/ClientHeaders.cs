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

    public ClientHeaders(string sku, string version)
    {
        _sku = sku;
        _version = version;
    }

    public static ClientHeaders None { get; } = new(string.Empty, string.Empty);

    public Dictionary<string, string> For(AuthorityInfo authority, Guid correlationId)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (authority.Mode != ProtocolMode.AzureAD)
        {
            return headers;
        }

        headers["client-request-id"] = correlationId.ToString();
        headers["return-client-request-id"] = "true";
        if (_sku.Length > 0)
        {
            headers["x-client-SKU"] = _sku;
            headers["x-client-VER"] = _version;
        }

        return headers;
    }

    public void AddTo(TokenRequestContent content, AuthorityInfo authority, Guid correlationId)
    {
        foreach (var (name, value) in For(authority, correlationId))
        {
            content.Headers[name] = value;
        }
    }
}
