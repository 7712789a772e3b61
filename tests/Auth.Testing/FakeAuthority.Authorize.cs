namespace Auth.Testing;

/// <summary>The authorization endpoint (auth code flow with PKCE) and its scripting.</summary>
public sealed partial class FakeAuthority
{
    /// <summary>
    /// The home tenant's authorization endpoint, <c>{BaseUri}{TenantId}/oauth2/v2.0/authorize</c>. A request whose
    /// <c>Accept</c> header lists <c>text/html</c> (a browser's navigation) gets a plain sign-in page: username
    /// (pre-filled from <c>login_hint</c>) and password of a registered user, the requested scopes, and "Sign in" /
    /// "Cancel" buttons; "Sign in" redirects with a code for that user, "Cancel" redirects <c>access_denied</c>, and
    /// wrong credentials show the page again. Any other request (an <see cref="HttpClient"/> playing the browser)
    /// is signed in at once as <see cref="SignInAs"/>'s user and redirected. <see cref="FailNextAuthorize"/> applies
    /// to both before any page is shown.
    /// </summary>
    public Uri AuthorizationEndpoint => new(_services.Urls.Authorize(TenantId));

    /// <summary>How many requests the authorization endpoint received, valid or not.</summary>
    public int AuthorizeRequestCount => _services.Log.AuthorizeCount;

    /// <summary>
    /// Makes the next authorization request whose client and redirect URI are valid redirect back with this error
    /// (and its <c>state</c>) instead of a code, e.g. <c>access_denied</c> when the user cancels. Calls queue up.
    /// </summary>
    /// <param name="error">The OAuth 2.0 <c>error</c> (RFC 6749 §4.1.2.1).</param>
    /// <param name="description">The <c>error_description</c>; Entra's AADSTS text for the error when <see langword="null"/>.</param>
    public void FailNextAuthorize(string error = "access_denied", string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        _services.Authorize.FailNext(error, description);
    }
}
