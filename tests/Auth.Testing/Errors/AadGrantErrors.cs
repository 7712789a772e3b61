using System.Globalization;

namespace Auth.Testing.Errors;

/// <summary>Entra ID errors of the user grants at the token endpoint (auth code, refresh token, password, device code).</summary>
internal static class AadGrantErrors
{
    public static AadError MalformedGrant() =>
        new(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");

    public static AadError OtherClientsGrant(string what) =>
        new(400, "invalid_grant", 70000, $"Provided grant is invalid or malformed. The {what} was issued to a different client.");

    public static AadError CodeRedeemed() =>
        new(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");

    public static AadError RedirectUriMismatch(string presented, string expected) =>
        new(400, "invalid_grant", 500112, $"The reply address '{presented}' does not match the reply address '{expected}' provided when requesting Authorization code.");

    public static AadError MissingCodeVerifier() =>
        new(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    public static AadError CodeVerifierMismatch() =>
        new(400, "invalid_grant", 50148, "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.");

    public static AadError RefreshTokenReused() =>
        new(400, "invalid_grant", 70008, "The refresh token has already been redeemed and was replaced by a new one (refresh tokens rotate). Send a new interactive authorization request for this user and resource.");

    public static AadError RefreshTokenExpired(DateTimeOffset issuedAt) =>
        new(400, "invalid_grant", 700082, string.Create(
            CultureInfo.InvariantCulture,
            $"The refresh token has expired due to inactivity. The token was issued on {issuedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ} and was inactive for 90.00:00:00."));

    public static AadError RefreshTokenRevoked() =>
        new(400, "invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.");

    public static AadError UnknownUser(string username, string tenant) =>
        new(400, "invalid_grant", 50034, $"The user account {username} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.");

    public static AadError WrongPassword() =>
        new(400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");

    public static AadError AuthorizationPending() =>
        new(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");

    public static AadError SlowDown(long intervalSeconds) =>
        new(400, "slow_down", 70016, string.Create(
            CultureInfo.InvariantCulture,
            $"OAuth 2.0 device flow error. Authorization is pending, but the client polls too often. Poll at most every {intervalSeconds} seconds."));

    public static AadError DeviceCodeDenied() =>
        new(400, "access_denied", 65004, "User declined to consent to access the app.");

    public static AadError DeviceCodeRedeemed() =>
        new(400, "invalid_grant", 70000, "Provided grant is invalid or malformed. The device code was already redeemed.");

    public static AadError DeviceCodeExpired() =>
        new(400, "expired_token", 70019, "Verification code expired.");

    public static AadError PublicClientWithCredentials() =>
        new(401, "invalid_client", 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");

    public static AadError SeveralResources(string scope) =>
        new(400, "invalid_scope", 28000, $"Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scope} is not valid.");
}
