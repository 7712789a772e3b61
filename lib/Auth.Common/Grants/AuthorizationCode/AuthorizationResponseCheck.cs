using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;

namespace Auth.Common.Grants.AuthorizationCode;

/// <summary>
/// Checks a redirect before its code is redeemed: the state came back unchanged (CSRF, RFC 6749 section 10.12), the code
/// is bound to this sign-in by PKCE or, for a confidential client, at least the nonce (code injection, RFC 9700 section
/// 2.1.1), and the issuer that came back is the authority's (mix-up, RFC 9207). Each requirement but the issuer's can be
/// lifted only by its named opt-out on <see cref="AuthorizationCodeRequest"/>. A request for a SPA code must come from a confidential client.
/// </summary>
internal static class AuthorizationResponseCheck
{
    /// <summary>Refuses a public client's request for a SPA code before anything is sent (only a web app's server may ask for one).</summary>
    public static void CheckSpaCode(AuthorizationCodeRequest request, bool isConfidential)
    {
        if (request.EnableSpaAuthorizationCode && !isConfidential)
        {
            throw new AuthClientException(
                AuthErrorCodes.SpaCodeRequiresConfidentialClient,
                "EnableSpaAuthorizationCode is for confidential clients: a web app's server asks for the SPA code and hands it to its single-page app. A public client (a SPA or a desktop app) redeems its own code.")
            {
                CorrelationId = request.CorrelationId,
            };
        }
    }

    public static void CheckState(AuthorizationCodeRequest request, Guid correlationId)
    {
        if (string.IsNullOrEmpty(request.State) && !request.SkipStateCheck)
        {
            throw Fail(AuthErrorCodes.StateMissing, "The state sent in the authorization URL was not passed (State): pass AuthorizationUrl.State, kept with the sign-in, so a forged redirect is refused. Set SkipStateCheck only when the app checks the state itself.", correlationId);
        }

        if (!string.IsNullOrEmpty(request.State) && string.IsNullOrEmpty(request.ReturnedState))
        {
            throw Fail(AuthErrorCodes.StateMissing, "The redirect's state was not passed (ReturnedState): pass the state parameter that came back with the code.", correlationId);
        }

        if (!string.IsNullOrEmpty(request.State) && !string.Equals(request.State, request.ReturnedState, StringComparison.Ordinal))
        {
            throw Fail(AuthErrorCodes.StateMismatch, "The state returned with the code is not the state sent; the redirect may be forged. Start the sign-in again.", correlationId);
        }
    }

    /// <summary>
    /// Throws the redirect's error (<see cref="AuthorizationCodeRequest.ReturnedError"/>) when it brought one instead of a code,
    /// once the state shows that the redirect answers this sign-in.
    /// </summary>
    public static void CheckError(AuthorizationCodeRequest request, Guid correlationId)
    {
        if (string.IsNullOrEmpty(request.ReturnedError))
        {
            return;
        }

        CheckState(request, correlationId);
        throw RedirectError(request.ReturnedError, request.ReturnedErrorDescription, correlationId);
    }

    /// <summary>
    /// The exception for a redirect's <c>error</c>: its code is the error, or the library's code for an Azure AD B2C answer
    /// the app handles (<see cref="AuthErrorCodes.B2CPasswordResetRequested"/>, <see cref="AuthErrorCodes.B2CUserCancelled"/>).
    /// The redirect's text comes from whoever sent the browser back: cleaned and bounded like a server's.
    /// </summary>
    public static AuthServiceException RedirectError(string rawError, string? rawDescription, Guid correlationId)
    {
        var error = ServerText.Code(rawError);
        var description = ServerText.TextOrNull(rawDescription);
        return new AuthServiceException(B2CServerErrors.CodeFor(description) ?? error, $"The sign-in ended with '{error}': {description ?? "no description"}")
        {
            Error = error,
            ErrorDescription = description,
            CorrelationId = correlationId,
        };
    }

    public static void CheckBinding(AuthorizationCodeRequest request, bool isConfidential, Guid correlationId)
    {
        if (request.SkipPkceAndNonceCheck || !string.IsNullOrEmpty(request.CodeVerifier))
        {
            return;
        }

        if (!isConfidential)
        {
            throw Fail(AuthErrorCodes.PkceMissing, "A public client must redeem the code with its PKCE verifier: pass AuthorizationUrl.CodeVerifier as CodeVerifier.", correlationId);
        }

        if (string.IsNullOrEmpty(request.Nonce))
        {
            throw Fail(AuthErrorCodes.PkceMissing, "Nothing binds the code to this sign-in: pass AuthorizationUrl.CodeVerifier as CodeVerifier and AuthorizationUrl.Nonce as Nonce. Set SkipPkceAndNonceCheck only when the code is bound otherwise.", correlationId);
        }
    }

    public static void CheckIssuer(AuthorizationCodeRequest request, AuthorityMetadata metadata, Guid correlationId)
    {
        if (metadata.AuthorizationResponseIssuerSupported && string.IsNullOrEmpty(request.ReturnedIssuer))
        {
            throw Fail(AuthErrorCodes.AuthorizationResponseIssuerMissing, "The authority sends its issuer with the code (RFC 9207), but it was not passed: pass the redirect's iss parameter as ReturnedIssuer.", correlationId);
        }

        // A templated issuer (Entra's multi-tenant "{tenantid}") names no one issuer, so an unadvertised iss cannot be compared with it.
        var comparable = metadata.AuthorizationResponseIssuerSupported || !metadata.Issuer.Contains('{', StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(request.ReturnedIssuer) && comparable && !string.Equals(request.ReturnedIssuer, metadata.Issuer, StringComparison.Ordinal))
        {
            throw Fail(AuthErrorCodes.AuthorizationResponseIssuerMismatch, "The issuer returned with the code is not this authority's issuer; the code may come from another authority (mix-up). Start the sign-in again at the authority the user chose.", correlationId);
        }
    }

    private static AuthClientException Fail(string code, string message, Guid correlationId) => new(code, message) { CorrelationId = correlationId };
}
