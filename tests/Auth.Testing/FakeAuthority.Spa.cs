namespace Auth.Testing;

/// <summary>The hybrid SPA flow: a web app's server gets a SPA code with its tokens, which its single-page app redeems in the browser.</summary>
public sealed partial class FakeAuthority
{
    /// <summary>
    /// Adds a single-page-application redirect URI to a registered client (Entra's "Single-page application" platform of the
    /// same app registration). Then a confidential redemption of an authorization code by that client that sends
    /// <c>return_spa_code=1</c> also returns a <c>spa_code</c>: a one-time code (10 minutes) that only a browser can redeem,
    /// at the token endpoint, with <c>grant_type=authorization_code</c>, the code, <c>client_id</c> and this
    /// <c>redirect_uri</c>, no client authentication and no PKCE, in a cross-origin request whose <c>Origin</c> is this
    /// URI's origin. The answer carries the user's ID token and access token (and a refresh token as usual). Redeemed
    /// without <c>Origin</c> it fails with <c>invalid_request</c> AADSTS9002327; from another origin, or with a redirect URI
    /// not registered here, with <c>invalid_request</c> AADSTS9002326 ("Cross-origin token redemption is permitted only for
    /// the 'Single-Page Application' client-type"). The token endpoint answers this origin's CORS requests and preflights.
    /// </summary>
    /// <param name="clientId">The client (application) id, registered before.</param>
    /// <param name="redirectUri">The absolute redirect URI of the single-page app, e.g. <c>http://127.0.0.1:5090/</c>; its origin is the SPA's.</param>
    /// <exception cref="ArgumentException">The client is not registered, or the URI is not absolute http(s) or has a fragment.</exception>
    public void RegisterSpaRedirectUri(string clientId, string redirectUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0 || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The SPA redirect URI must be an absolute http(s) URI without a fragment.", nameof(redirectUri));
        }

        _services.Clients.AddSpaRedirectUri(clientId, redirectUri);
    }
}
