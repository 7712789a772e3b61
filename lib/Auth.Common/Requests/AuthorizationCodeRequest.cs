namespace Auth.Common.Requests;

/// <summary>
/// Redeems an authorization code (RFC 6749 section 4.1.3) and checks the redirect against what the app sent:
/// pass the <see cref="State"/>, <see cref="Nonce"/> and <see cref="CodeVerifier"/> kept from
/// <c>GetAuthCodeUrlAsync</c>'s <c>AuthorizationUrl</c>, and the <see cref="ReturnedState"/> and
/// <see cref="ReturnedIssuer"/> read from the redirect. By default the state is required, the code must be bound
/// to this sign-in by the PKCE verifier (or, for a confidential client, at least the nonce), and the issuer is
/// checked when the authority advertises RFC 9207; <see cref="SkipStateCheck"/> and
/// <see cref="SkipPkceAndNonceCheck"/> lift the first two requirements by name.
/// </summary>
public sealed record AuthorizationCodeRequest : AuthRequest
{
    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the redirect URI used in the authorization request.</summary>
    public required Uri RedirectUri { get; init; }

    /// <summary>Gets the authorization code from the redirect.</summary>
    public required string Code { get; init; }

    /// <summary>
    /// Gets the PKCE verifier whose challenge was in the authorization URL (<c>AuthorizationUrl.CodeVerifier</c>, or the
    /// app's own). Required for public clients; a confidential client needs it or <see cref="Nonce"/>.
    /// </summary>
    public string? CodeVerifier { get; init; }

    /// <summary>Gets the state the app sent (<c>AuthorizationUrl.State</c>); required, and <see cref="ReturnedState"/> must equal it.</summary>
    public string? State { get; init; }

    /// <summary>Gets the state that came back with the code (the redirect's <c>state</c> parameter).</summary>
    public string? ReturnedState { get; init; }

    /// <summary>Gets the nonce the app sent (<c>AuthorizationUrl.Nonce</c>); when set, the ID token must carry it.</summary>
    public string? Nonce { get; init; }

    /// <summary>
    /// Gets the issuer that came back with the code (the redirect's <c>iss</c> parameter, RFC 9207). When the authority's
    /// discovery document has <c>authorization_response_iss_parameter_supported</c>, it is required and must be the
    /// authority's issuer, so a code from another authority is not sent to this one (mix-up attack); when the authority
    /// does not advertise it, a value that is passed is still compared.
    /// </summary>
    public string? ReturnedIssuer { get; init; }

    /// <summary>
    /// Gets the error that came back instead of a code (the redirect's <c>error</c> parameter), with
    /// <see cref="ReturnedErrorDescription"/>. When set, nothing is redeemed: once the state checks out, the call throws an
    /// <see cref="Errors.AuthServiceException"/> whose code is the error, or for Azure AD B2C
    /// <see cref="Errors.AuthErrorCodes.B2CPasswordResetRequested"/> ("Forgot your password?", AADB2C90118) and
    /// <see cref="Errors.AuthErrorCodes.B2CUserCancelled"/> (AADB2C90091), so the app can start the password reset policy
    /// or return the user home. <see cref="Code"/> may then be empty.
    /// </summary>
    public string? ReturnedError { get; init; }

    /// <summary>Gets the redirect's <c>error_description</c> parameter, passed with <see cref="ReturnedError"/>.</summary>
    public string? ReturnedErrorDescription { get; init; }

    /// <summary>
    /// Gets whether the redemption may go ahead without <see cref="State"/> and <see cref="ReturnedState"/>. Set it only when
    /// the app checks the state itself (for example ASP.NET Core's OpenID Connect handler has already); without a checked
    /// state a web app has no CSRF protection for its sign-in. A <see cref="State"/> that is passed is still compared.
    /// </summary>
    public bool SkipStateCheck { get; init; }

    /// <summary>
    /// Gets whether the code may be redeemed without <see cref="CodeVerifier"/> and <see cref="Nonce"/>, which bind the code to
    /// this sign-in (code injection, RFC 9700 section 4.5). Set it only when another component requested the code without
    /// PKCE and has checked the nonce of an ID token it received itself (a hybrid <c>code id_token</c> flow); a
    /// <see cref="Nonce"/> or verifier that is passed is still used.
    /// </summary>
    public bool SkipPkceAndNonceCheck { get; init; }

    /// <summary>
    /// Gets whether to ask the authority for a SPA authorization code with the tokens (<c>return_spa_code=1</c>, the hybrid SPA
    /// flow of Microsoft Entra ID): the server signs the user in, then hands <c>AuthenticationResult.SpaAuthCode</c> to its
    /// single-page app, which redeems it in the browser (a cross-origin request from an origin registered as a
    /// single-page-application redirect URI of the same app), so the user is signed in on both sides with one sign-in.
    /// Confidential clients only: a public client asking for it fails with
    /// <see cref="Errors.AuthErrorCodes.SpaCodeRequiresConfidentialClient"/> before anything is sent.
    /// </summary>
    public bool EnableSpaAuthorizationCode { get; init; }

    /// <summary>Returns the scopes and redirect URI only: the record holds the code and the PKCE verifier.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(AuthorizationCodeRequest)} {{ Scopes = {string.Join(' ', Scopes)}, RedirectUri = {RedirectUri} }}";
}
