using System.Net;
using System.Text;

namespace Auth.Benchmarks.Fakes;

/// <summary>
/// In-process Entra ID stand-in (no sockets): OIDC discovery for any tenant, instance discovery,
/// and a token endpoint answering every grant with one canned token response. Any host other than
/// <see cref="Apps.Host"/> is served as a generic OpenID Provider (issuer = the URL asked for). Counts requests.
/// </summary>
public sealed class FakeAuthorityHandler : HttpMessageHandler
{
    private const string WellKnown = "/.well-known/openid-configuration";

    private int _expiresIn = 3599;
    private byte[] _tokenBody = TokenResponse(3599);
    private int _tokenRequests;
    private int _discoveryRequests;
    private int _otherRequests;

    /// <summary>Gets or sets a delay before the token endpoint answers (to make concurrent callers overlap).</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>
    /// Gets or sets the token lifetime the token endpoint answers with (expires_in, ext_expires_in), in
    /// seconds; default 3599. Below 300 both libraries treat the cached token as expired on the next call
    /// (both refresh within 5 minutes of expiry), so every call is a miss.
    /// </summary>
    public int ExpiresIn
    {
        get => _expiresIn;
        set
        {
            _expiresIn = value;
            _tokenBody = TokenResponse(value);
        }
    }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int DiscoveryRequests => Volatile.Read(ref _discoveryRequests);

    public int OtherRequests => Volatile.Read(ref _otherRequests);

    public void Reset()
    {
        Volatile.Write(ref _tokenRequests, 0);
        Volatile.Write(ref _discoveryRequests, 0);
        Volatile.Write(ref _otherRequests, 0);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _tokenRequests);
            if (TokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(TokenDelay, TimeProvider.System, cancellationToken);
            }

            return Json(_tokenBody);
        }

        if (path.EndsWith(WellKnown, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _discoveryRequests);
            return Json(request.RequestUri.Host == Apps.Host ? EntraConfiguration(request.RequestUri.Host, path) : OidcConfiguration(request.RequestUri, path));
        }

        if (path.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _discoveryRequests);
            return Json(Encoding.UTF8.GetBytes(
                """{"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1","metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net","aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}"""));
        }

        Interlocked.Increment(ref _otherRequests);
        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }

    /// <summary>Entra ID: the tenant is the first path segment.</summary>
    private static byte[] EntraConfiguration(string host, string path)
    {
        var tenant = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        var baseUri = $"https://{host}/{tenant}";
        return Encoding.UTF8.GetBytes(
            $$"""{"issuer":"https://{{host}}/{{tenant}}/v2.0","authorization_endpoint":"{{baseUri}}/oauth2/v2.0/authorize","token_endpoint":"{{baseUri}}/oauth2/v2.0/token","device_authorization_endpoint":"{{baseUri}}/oauth2/v2.0/devicecode","jwks_uri":"{{baseUri}}/discovery/v2.0/keys","response_types_supported":["code"],"subject_types_supported":["pairwise"],"id_token_signing_alg_values_supported":["RS256"],"token_endpoint_auth_methods_supported":["client_secret_post","private_key_jwt","client_secret_basic"]}""");
    }

    /// <summary>Any other host is a generic OpenID Provider whose issuer is the URL the document was asked under.</summary>
    private static byte[] OidcConfiguration(Uri uri, string path)
    {
        var issuer = $"https://{uri.Host}{path[..^WellKnown.Length]}";
        return Encoding.UTF8.GetBytes(
            $$"""{"issuer":"{{issuer}}","authorization_endpoint":"{{issuer}}/protocol/openid-connect/auth","token_endpoint":"{{issuer}}/protocol/openid-connect/token","jwks_uri":"{{issuer}}/protocol/openid-connect/certs","response_types_supported":["code"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],"token_endpoint_auth_methods_supported":["client_secret_post","client_secret_basic","private_key_jwt"]}""");
    }

    private static byte[] TokenResponse(int expiresIn) => Encoding.UTF8.GetBytes(
        $$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"ext_expires_in":{{expiresIn}},"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJhcGkifQ.c2ln"}""");

    private static HttpResponseMessage Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
