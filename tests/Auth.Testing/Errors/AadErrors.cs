using System.Globalization;

namespace Auth.Testing.Errors;

/// <summary>The catalogue of Entra ID errors the fake authority produces, with realistic AADSTS codes.</summary>
internal static class AadErrors
{
    public static AadError MissingParameter(string name) =>
        new(400, "invalid_request", 900144, $"The request body must contain the following parameter: '{name}'.");

    public static AadError MalformedRequest(string detail) =>
        new(400, "invalid_request", 9002313, $"Invalid request. Request is malformed or invalid. {detail}");

    public static AadError UnsupportedGrantType(string grantType) =>
        new(400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");

    public static AadError UnknownClient(string clientId, string tenant) =>
        new(400, "unauthorized_client", 700016, string.Format(
            CultureInfo.InvariantCulture,
            "Application with identifier '{0}' was not found in the directory '{1}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
            clientId,
            tenant));

    public static AadError MissingClientCredentials() =>
        new(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    public static AadError InvalidClientSecret(string? clientId = null) =>
        new(401, "invalid_client", 7000215, clientId is null
            ? "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID."
            : $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");

    public static AadError InvalidClientAssertion(string reason) =>
        new(401, "invalid_client", 700027, $"Client assertion failed validation: {reason}");

    public static AadError NoMatchingFederatedIdentity(string? issuer, string? subject, string audience) =>
        new(401, "invalid_client", 70021, $"No matching federated identity record found for presented assertion. Assertion Issuer: '{issuer}'. Assertion Subject: '{subject}'. Assertion Audience: '{audience}'.");

    public static AadError FederatedAudienceMismatch(string audience) =>
        new(401, "invalid_client", 700212, $"No matching federated identity record found for presented assertion audience '{audience}'.");

    public static AadError InvalidScope() =>
        new(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid.");

    public static AadError ScopeNotDefault(string scope) =>
        new(400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    public static AadError InvalidGrant() =>
        new(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");

    public static AadError InteractionRequired() =>
        new(400, "interaction_required", 50076, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.");

    public static AadError Throttled() =>
        new(429, "temporarily_unavailable", 50196, "The server terminated an operation because it encountered a client request loop. Please contact your app vendor.");

    public static AadError ServerError() =>
        new(500, "server_error", 50000, "There was an error issuing a token or an issue with our sign-in service.");

    public static AadError ServiceUnavailable() =>
        new(503, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");

    public static AadError UnknownInstance() =>
        new(400, "invalid_instance", 50049, "Unknown or invalid instance.");
}
