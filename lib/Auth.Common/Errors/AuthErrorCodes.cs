namespace Auth.Common.Errors;

/// <summary>
/// Stable error codes carried by <see cref="AuthException.Code"/>. Each constant's summary says
/// what it means and what to do about it. Codes returned by the authority itself
/// (<c>invalid_client</c>, <c>invalid_scope</c>, …) are passed through unchanged.
/// </summary>
public static class AuthErrorCodes
{
    /// <summary>
    /// The authority URL is malformed, or its host is not trusted (not the configured authority's host, not a Microsoft
    /// cloud, not in KnownAuthorities); nothing was sent to it. Use an absolute https URL such as
    /// https://login.microsoftonline.com/{tenant}, or list your own host (AD FS, B2C custom domain, private cloud) in KnownAuthorities.
    /// </summary>
    public const string InvalidAuthority = "invalid_authority";

    /// <summary>The authority is not https. Use https; plain http is allowed only for loopback with AllowInsecureLoopbackAuthority (tests).</summary>
    public const string InsecureAuthority = "insecure_authority";

    /// <summary>The OpenID configuration of the authority could not be fetched or read. Check the authority URL and network, or supply AuthorityMetadataJson.</summary>
    public const string AuthorityMetadataFailed = "authority_metadata_failed";

    /// <summary>
    /// Azure AD B2C has no such policy (user flow) in the tenant: its OpenID configuration was not found (AADB2C90022).
    /// Check the policy name in the authority (https://{tenant}.b2clogin.com/tfp/{tenant}.onmicrosoft.com/{policy}) against the
    /// tenant's user flows.
    /// </summary>
    public const string B2CPolicyNotFound = "b2c_policy_not_found";

    /// <summary>
    /// The user chose "Forgot your password?" in an Azure AD B2C sign-in policy (AADB2C90118, sent as <c>access_denied</c>).
    /// Start a sign-in with the tenant's password reset policy.
    /// </summary>
    public const string B2CPasswordResetRequested = "b2c_password_reset_requested";

    /// <summary>
    /// The user cancelled an Azure AD B2C page (AADB2C90091), for example in the edit profile or password reset policy.
    /// Nothing changed; return the user to where they were.
    /// </summary>
    public const string B2CUserCancelled = "b2c_user_cancelled";

    /// <summary>The application options are invalid; the message lists every problem. Fix the configuration.</summary>
    public const string InvalidConfiguration = "invalid_configuration";

    /// <summary>The request is invalid (for example no scopes). Fix the request; the message says which field.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The client certificate cannot sign (no private key, unsupported key type). Use an RSA certificate with its private key.</summary>
    public const string InvalidCertificate = "invalid_certificate";

    /// <summary>The client assertion callback failed or returned nothing. Fix the callback; its exception is the inner exception.</summary>
    public const string ClientAssertionFailed = "client_assertion_failed";

    /// <summary>The authority could not be reached or its answer broke off (DNS, connection refused or reset, TLS, a body shorter than announced). Retry later; check proxy and firewall settings.</summary>
    public const string NetworkError = "network_error";

    /// <summary>The authority did not answer within the request timeout. Retry later, or raise the timeout.</summary>
    public const string RequestTimeout = "request_timeout";

    /// <summary>The authority's answer was larger than the configured size limit (1 MiB by default; also an endless body). Check the authority URL; raise MaxResponseBytes only if the answer is legitimate.</summary>
    public const string ResponseTooLarge = "response_too_large";

    /// <summary>The authority answered 2xx with something that is not a valid token response (an HTML or text page, malformed or cut-off JSON, a field of the wrong type, no access_token, no positive expires_in). Check the authority URL; retry later.</summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>The authority answered an HTTP error or a redirect without an OAuth error body (for example a proxy's HTML page). Retry later if it is a 5xx; otherwise check the authority URL: redirects are never followed.</summary>
    public const string HttpStatusError = "http_status_error";

    /// <summary>The HTTP client followed a redirect from the authority (or tried to send a token request's body twice). Redirects are never followed: the request, with its credential, code or refresh token, would go to another URL. The redirect target received no body. Check the authority URL; an app-supplied HttpClient should use a handler with AllowAutoRedirect = false.</summary>
    public const string RedirectRefused = "redirect_refused";

    /// <summary>The authority returned a token type other than the one requested (Bearer). Do not use the token; check the authority.</summary>
    public const string UnexpectedTokenType = "unexpected_token_type";

    /// <summary>The token cache JSON could not be read. The cache is left unchanged; discard the stored blob if it keeps failing.</summary>
    public const string CacheDeserializationFailed = "cache_deserialization_failed";

    /// <summary>The cache plugin threw. The token operation did not complete; the inner exception has the plugin's error.</summary>
    public const string CachePluginFailed = "cache_plugin_failed";

    /// <summary>The authority throttled the app (429, or 503 with Retry-After). Wait for <see cref="AuthServiceException.RetryAfter"/> before retrying.</summary>
    public const string RequestThrottled = "request_throttled";

    /// <summary>The state returned with the authorization code is not the state the app sent: the redirect may be forged. Start the sign-in again.</summary>
    public const string StateMismatch = "state_mismatch";

    /// <summary>The ID token's nonce is not the nonce the app sent: the token may be replayed. Start the sign-in again.</summary>
    public const string NonceMismatch = "nonce_mismatch";

    /// <summary>
    /// An authorization code was redeemed without the state the app sent or without the state that came back. Pass
    /// AuthorizationUrl.State as State and the redirect's state as ReturnedState (SkipStateCheck only when the app checks the state itself).
    /// </summary>
    public const string StateMissing = "state_missing";

    /// <summary>
    /// An authorization code was redeemed without a PKCE verifier (public clients) or without a verifier or nonce (confidential
    /// clients), so nothing binds it to this sign-in. Pass AuthorizationUrl.CodeVerifier and Nonce (SkipPkceAndNonceCheck only when the code is bound otherwise).
    /// </summary>
    public const string PkceMissing = "pkce_missing";

    /// <summary>
    /// A public client asked for a SPA authorization code (AuthorizationCodeRequest.EnableSpaAuthorizationCode); nothing was sent.
    /// Only a confidential client (a web app's server) can ask the authority for a second code to hand to its single-page app.
    /// </summary>
    public const string SpaCodeRequiresConfidentialClient = "spa_code_requires_confidential_client";

    /// <summary>
    /// The authority advertises the iss parameter of the authorization response (RFC 9207) but the redirect's iss was not passed.
    /// Pass the redirect's iss as ReturnedIssuer.
    /// </summary>
    public const string AuthorizationResponseIssuerMissing = "authorization_response_issuer_missing";

    /// <summary>
    /// The issuer that came back with the authorization code is not the issuer of the authority redeeming it: the code may
    /// come from another authority (mix-up attack, RFC 9207). Start the sign-in again at the authority the user chose.
    /// </summary>
    public const string AuthorizationResponseIssuerMismatch = "authorization_response_issuer_mismatch";

    /// <summary>The ID token could not be read, or is not for this app. Check the authority and client id; retry the sign-in.</summary>
    public const string InvalidIdToken = "invalid_id_token";

    /// <summary>The cache holds no token that can serve a silent request for this account. Sign the user in interactively.</summary>
    public const string NoTokensFound = "no_tokens_found";

    /// <summary>A silent refresh needs a scope the refresh token was not granted, and the authority (a generic OpenID Provider) refuses scopes beyond the original grant (RFC 6749 section 6). Sign the user in interactively with the scopes.</summary>
    public const string ScopeNotGranted = "scope_not_granted";

    /// <summary>The user did not finish in time (interactive sign-in or device code). Ask the user to try again; raise the timeout if needed.</summary>
    public const string OperationTimedOut = "operation_timed_out";

    /// <summary>The system browser could not be opened. Pass an OpenBrowser callback, or use the device-code flow on machines without a browser.</summary>
    public const string BrowserLaunchFailed = "browser_launch_failed";

    /// <summary>The loopback listener for the redirect could not start. Check that the process may listen on 127.0.0.1.</summary>
    public const string LoopbackListenerFailed = "loopback_listener_failed";

    /// <summary>The authority does not publish the endpoint the flow needs (for example device_authorization_endpoint). Use another flow or authority.</summary>
    public const string EndpointNotSupported = "endpoint_not_supported";

    /// <summary>The authority host is not a known Entra ID instance. Check the host, or list it in KnownAuthorities (private clouds), or turn instance discovery off.</summary>
    public const string InvalidInstance = "invalid_instance";

    /// <summary>Entra's instance discovery could not be reached (network error, timeout, 5xx, 429), so an authority on a host the library does not know could not be validated; nothing was sent to it. Retry later, or supply CloudDiscoveryMetadataJson, or list the host in KnownAuthorities.</summary>
    public const string InstanceDiscoveryFailed = "instance_discovery_failed";

    /// <summary>A WWW-Authenticate header, or the claims challenge in it, could not be read (unterminated quoted string, claims that are not base64 of a JSON object). The resource sent a malformed challenge; report it to its owner.</summary>
    public const string InvalidClaimsChallenge = "invalid_claims_challenge";

    /// <summary>The long-running on-behalf-of session has no tokens in the cache: it was never initiated with this key, or it was stopped. Call InitiateLongRunningProcessInWebApiAsync with a fresh user token.</summary>
    public const string LongRunningSessionNotFound = "long_running_session_not_found";

    /// <summary>The managed identity endpoint could not be reached: this host has no managed identity (not on Azure, IMDS blocked, or the identity service down). The message names the source and endpoint. On Azure, check that the resource has a managed identity; elsewhere, use another credential.</summary>
    public const string ManagedIdentityUnavailable = "managed_identity_unavailable";

    /// <summary>The managed identity endpoint does not know the identity asked for (HTTP 400): the system-assigned identity is not enabled, or the user-assigned one is not attached to this resource. Check the identity and its assignment.</summary>
    public const string ManagedIdentityNotFound = "managed_identity_not_found";

    /// <summary>This managed identity source cannot name a user-assigned identity this way (Cloud Shell and Azure Arc take none, Service Fabric only an object id, Machine Learning only a client id). Nothing was sent. The message lists the kinds the source supports.</summary>
    public const string ManagedIdentityIdNotSupported = "managed_identity_id_not_supported";

    /// <summary>The managed identity endpoint answered an error (after the retries the platform advises). The message names the source, the status and the endpoint's own text.</summary>
    public const string ManagedIdentityRequestFailed = "managed_identity_request_failed";

    /// <summary>The managed identity endpoint answered 200 without a usable token (not JSON, no access_token, no or a malformed expiry).</summary>
    public const string ManagedIdentityInvalidResponse = "managed_identity_invalid_response";

    /// <summary>The environment names a managed identity source but its variables are malformed (an endpoint that is not an absolute URL, a missing secret). The message names the variable.</summary>
    public const string ManagedIdentityEnvironmentInvalid = "managed_identity_environment_invalid";

    /// <summary>Azure Arc answered 401 without a challenge the library can use (no WWW-Authenticate header, or not Basic realm=&lt;key file&gt;).</summary>
    public const string ManagedIdentityChallengeInvalid = "managed_identity_challenge_invalid";

    /// <summary>Azure Arc's challenge named a key file outside the directory the Arc agent keeps its keys in (on Linux /var/opt/azcmagent/tokens/). The file was not read: something other than the Arc agent may be answering on the identity endpoint.</summary>
    public const string ManagedIdentityKeyFileOutsideDirectory = "managed_identity_key_file_outside_directory";

    /// <summary>Azure Arc's challenge named a file without the .key extension. The file was not read.</summary>
    public const string ManagedIdentityKeyFileExtension = "managed_identity_key_file_extension";

    /// <summary>Azure Arc's key file is larger than 4096 bytes, which no Arc key is. It was not sent.</summary>
    public const string ManagedIdentityKeyFileTooLarge = "managed_identity_key_file_too_large";

    /// <summary>Azure Arc's key file could not be read (missing, a link, or not readable by this process: on Linux the process must be in the himds group).</summary>
    public const string ManagedIdentityKeyFileUnreadable = "managed_identity_key_file_unreadable";

    /// <summary>Service Fabric's identity endpoint presented a certificate whose thumbprint is not IDENTITY_SERVER_THUMBPRINT. Nothing was sent over the connection.</summary>
    public const string ManagedIdentityCertificateMismatch = "managed_identity_certificate_mismatch";
}
