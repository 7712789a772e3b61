using Auth.Testing.Endpoints;
using Auth.Testing.Hosting;

namespace Auth.Testing.Tokens;

/// <summary>
/// Which <c>iss</c> values are this authority's for a tenant: the issuer of the authority a request went to, and the
/// Entra v2.0 issuer <c>{scheme}://{host}/{tid}/v2.0</c> on the server's own host or any registered virtual host
/// (tokens minted through one alias are accepted through another).
/// </summary>
internal sealed class OwnIssuers
{
    private readonly AuthorityUrls _urls;
    private readonly VirtualHosts _hosts;

    public OwnIssuers(AuthorityUrls urls, VirtualHosts hosts)
    {
        _urls = urls;
        _hosts = hosts;
    }

    public bool IsOwn(string? issuer, string tenantId, AuthorityProfile requestProfile)
    {
        if (issuer is null)
        {
            return false;
        }

        if (issuer == requestProfile.Issuer(tenantId) || issuer == _urls.Issuer(tenantId))
        {
            return true;
        }

        return Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
            && uri.Scheme == _urls.BaseUri.Scheme
            && _hosts.Contains(uri.Host)
            && uri.AbsolutePath == $"/{tenantId}/v2.0"
            && uri.Query.Length == 0;
    }
}
