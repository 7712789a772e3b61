using System.Globalization;

namespace Auth.Testing.Errors;

/// <summary>
/// Entra ID errors of the On-Behalf-Of grant about its user assertion (all 400 <c>invalid_grant</c>, which MSAL.NET
/// surfaces as <c>MsalUiRequiredException</c>), and of its <c>requested_token_use</c> parameter.
/// </summary>
internal static class AadOboErrors
{
    public static AadError WrongTokenUse(string value) =>
        new(400, "invalid_request", 9002313, $"Invalid request. Request is malformed or invalid. The grant type 'urn:ietf:params:oauth:grant-type:jwt-bearer' needs requested_token_use 'on_behalf_of', not '{value}'.");

    public static AadError MalformedAssertion() =>
        new(400, "invalid_grant", 50027, "JWT token is invalid or malformed. The assertion is not a signed JWT in compact serialization.");

    public static AadError KeyNotFound(string? keyId) =>
        new(400, "invalid_grant", 50013, $"Assertion failed signature validation. [Reason - The key was not found., Key identifier of the assertion: '{keyId}']");

    public static AadError SignatureMismatch() =>
        new(400, "invalid_grant", 50013, "Assertion failed signature validation. [Reason - The signature does not match the signed content of the assertion.]");

    public static AadError WrongIssuer(string? issuer) =>
        new(400, "invalid_grant", 50013, $"Assertion is invalid. The issuer '{issuer}' is not a valid issuer of this authority for the tenant in the assertion.");

    public static AadError OtherTenant(string tokenTenant, string requestTenant) =>
        new(400, "invalid_grant", 50013, $"Assertion is invalid. It was issued in tenant '{tokenTenant}', but the request was sent to tenant '{requestTenant}'.");

    public static AadError OutsideValidTime(DateTimeOffset now, DateTimeOffset? notBefore, DateTimeOffset? expires) =>
        new(400, "invalid_grant", 500133, string.Create(
            CultureInfo.InvariantCulture,
            $"Assertion is not within its valid time range. Make sure the access token has not expired before using it as a user assertion, or get a new one. Current time: {Format(now)}, assertion valid from {Format(notBefore)}, expiry time of assertion {Format(expires)}."));

    public static AadError AudienceMismatch(string? audience, string clientId) =>
        new(400, "invalid_grant", 500131, $"Assertion audience does not match the client application presenting the assertion. The audience in the assertion was '{audience}'; it must be '{clientId}' or one of the application ID URIs of the application with app ID '{clientId}'. The calling client must get a token for the application making the on-behalf-of request and pass that token as the assertion.");

    public static AadError NotAUserToken(string? identityType) =>
        new(400, "invalid_grant", 50013, $"Assertion is invalid. It is not a delegated user token (idtyp '{identityType}', no 'scp' claim): an app-only or ID token cannot be exchanged on behalf of a user.");

    public static AadError UnknownUser(string? objectId, string tenant) =>
        new(400, "invalid_grant", 50034, $"The user account with object id '{objectId}' named in the assertion does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.");

    private static string Format(DateTimeOffset? time) =>
        (time ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
