using Samples.Web;

namespace HybridSpa;

/// <summary>What the page's JavaScript needs to redeem its SPA code: the app's client id, the token endpoint and the scopes.</summary>
/// <param name="ClientId">The app registration's client id (the SPA platform belongs to the same registration).</param>
/// <param name="TokenEndpoint">The authority's token endpoint, which the browser calls cross-origin.</param>
/// <param name="Scope">The API scope the server signs in with; the browser asks for it with <c>openid profile offline_access</c>.</param>
internal sealed record SpaSettings(string ClientId, string TokenEndpoint, string Scope)
{
    /// <summary>The scopes the browser's redemption asks for.</summary>
    public string BrowserScope => $"openid profile offline_access {Scope}";

    /// <summary>The origin the browser's fetch comes from, allowed to connect to by the page's Content-Security-Policy.</summary>
    public string TokenEndpointOrigin => new Uri(TokenEndpoint).GetLeftPart(UriPartial.Authority);

    public static SpaSettings For(WebSampleAuthority authority) => new(
        authority.ClientId,
        authority.Fake?.TokenEndpoint.AbsoluteUri ?? authority.Authority.TrimEnd('/') + "/oauth2/v2.0/token",
        Environment.GetEnvironmentVariable("AUTH_SCOPE") is { Length: > 0 } scope ? scope : WebSampleAuthority.DownstreamScope);

    /// <summary>The SPA redirect URI of a page served at <paramref name="baseUrl"/>: the page itself, <c>{origin}/</c>.</summary>
    public static string RedirectUri(string baseUrl) => baseUrl.TrimEnd('/') + "/";
}
