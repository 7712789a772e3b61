namespace Auth.Testing.Errors;

/// <summary>Entra ID errors of the authorization endpoint; <see cref="AadError.StatusCode"/> matters only on error pages.</summary>
internal static class AadAuthorizeErrors
{
    public static AadError RedirectUriNotRegistered(string redirectUri, string clientId) =>
        new(400, "invalid_request", 50011, $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");

    public static AadError UnsupportedResponseType(string responseType) =>
        new(400, "unsupported_response_type", 700054, $"response_type '{responseType}' is not enabled for the application.");

    public static AadError UnsupportedResponseMode(string responseMode) =>
        AadErrors.MalformedRequest($"The response_mode '{responseMode}' is not supported; use query, fragment or form_post.");

    public static AadError PkceRequired() =>
        new(400, "invalid_request", 9002325, "Proof Key for Code Exchange is required for public clients: send code_challenge and code_challenge_method=S256.");

    public static AadError PkceMethodNotSupported(string? method) =>
        AadErrors.MalformedRequest($"The code_challenge_method '{method ?? "plain"}' is not supported; use S256.");

    public static AadError InvalidCodeChallenge() =>
        new(400, "invalid_request", 501491, "Invalid size of Code_Challenge parameter.");

    /// <summary>The user pressed Cancel on the sign-in page (Entra's answer when the user declines).</summary>
    public static AadError UserDeclined() => Scripted("access_denied");

    /// <summary>A scripted failure (<c>FailNextAuthorize</c>) with Entra's usual code for the error, or a generic one.</summary>
    public static AadError Scripted(string error) => error switch
    {
        "access_denied" => new(400, error, 65004, "User declined to consent to access the app."),
        "consent_required" => new(400, error, 65001, "The user or administrator has not consented to use the application."),
        "login_required" => new(400, error, 50058, "A silent sign-in request was sent but no user is signed in."),
        "interaction_required" => new(400, error, 50076, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource."),
        "temporarily_unavailable" => new(400, error, 90033, "A transient error has occurred. Please try again."),
        _ => new(400, error, 50000, "There was an error issuing a token or an issue with our sign-in service."),
    };
}
