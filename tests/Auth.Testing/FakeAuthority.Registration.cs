using System.Security.Cryptography.X509Certificates;

namespace Auth.Testing;

/// <summary>Client registration, scripting and observation of the token endpoint.</summary>
public sealed partial class FakeAuthority
{
    /// <summary>
    /// The lifetime of issued access tokens (default 1 hour, at least 1 second). Responses carry it as
    /// <c>expires_in</c> and <c>ext_expires_in</c>, and half of it as <c>refresh_in</c> when it is 2 hours or more.
    /// </summary>
    public TimeSpan AccessTokenLifetime
    {
        get => _services.Lifetime.Value;
        set => _services.Lifetime.Value = value;
    }

    /// <summary>How many OIDC discovery documents were requested.</summary>
    public int DiscoveryRequestCount => _services.Log.DiscoveryCount;

    /// <summary>The most recent token requests (see <see cref="FakeAuthorityOptions.MaxCapturedTokenRequests"/>), oldest first.</summary>
    public IReadOnlyList<FakeTokenRequest> TokenRequests => _services.Log.TokenRequests;

    /// <summary>Registers a confidential client authenticating with a secret (post or Basic); adds to earlier registrations of the id.</summary>
    /// <param name="clientId">The client (application) id.</param>
    /// <param name="clientSecret">The secret.</param>
    public void RegisterClient(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        _services.Clients.AddSecret(clientId, clientSecret);
    }

    /// <summary>Registers a confidential client authenticating with private_key_jwt assertions signed by the certificate's key.</summary>
    /// <param name="clientId">The client (application) id.</param>
    /// <param name="certificate">The certificate; only its public part is kept (a copy), so the caller may dispose it.</param>
    public void RegisterClient(string clientId, X509Certificate2 certificate)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(certificate);
        _services.Clients.AddCertificate(clientId, certificate);
    }

    /// <summary>
    /// Registers a federated identity credential on a confidential client (workload identity federation): it
    /// authenticates with <c>client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer</c> and a
    /// <c>client_assertion</c> JWT whose <c>iss</c> and <c>sub</c> are exactly these, whose <c>aud</c> (a string or an
    /// array) holds <paramref name="audience"/>, signed (RS256 or PS256) by a key of <paramref name="jwksJson"/> and not
    /// expired (5 minute skew); otherwise <c>invalid_client</c> (AADSTS70021 no matching issuer and subject, AADSTS700212
    /// audience, AADSTS700027 signature or lifetime). A token of a <see cref="FakeManagedIdentityEndpoint"/> started with
    /// <see cref="FakeManagedIdentityOptions.ForAuthority"/> for the resource <c>api://AzureADTokenExchange</c> is such an
    /// assertion (issuer <see cref="Issuer"/>, subject the identity's object id). Adds to earlier registrations of the id.
    /// </summary>
    /// <param name="clientId">The client (application) id.</param>
    /// <param name="assertionIssuer">The exact <c>iss</c> of accepted assertions.</param>
    /// <param name="assertionSubject">The exact <c>sub</c> of accepted assertions.</param>
    /// <param name="audience">The audience accepted assertions must have; Entra's public cloud value by default.</param>
    /// <param name="jwksJson">The JSON Web Key Set of the issuer's signing keys; this authority's own (<see cref="JwksJson"/>) when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the JWKS holds no RSA key.</exception>
    public void RegisterFederatedClient(string clientId, string assertionIssuer, string assertionSubject, string audience = "api://AzureADTokenExchange", string? jwksJson = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(assertionIssuer);
        ArgumentException.ThrowIfNullOrEmpty(assertionSubject);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        var keys = Jwt.JsonWebKeys.Parse(jwksJson ?? JwksJson);
        _services.Clients.AddFederated(clientId, new Clients.FederatedCredential(assertionIssuer, assertionSubject, audience, keys));
    }

    /// <summary>
    /// Registers a public client (no credential; Entra's "allow public client flows"): its user-grant token requests
    /// need no client authentication and its authorization requests must use PKCE (S256). If it also has a secret or
    /// certificate it may authenticate with them; if not, a request presenting a credential is refused with
    /// <c>invalid_client</c> (AADSTS700025). Client credentials still need a credential.
    /// </summary>
    /// <param name="clientId">The client (application) id.</param>
    public void RegisterPublicClient(string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        _services.Clients.AddPublic(clientId);
    }

    /// <summary>
    /// Registers a non-loopback redirect URI for a registered client, matched exactly. Every client may use any
    /// <c>http</c> loopback redirect URI (<c>127.0.0.1</c>, <c>[::1]</c> or <c>localhost</c>, any port; RFC 8252) without this.
    /// </summary>
    /// <param name="clientId">The client (application) id, registered before.</param>
    /// <param name="redirectUri">The absolute redirect URI, without fragment.</param>
    /// <exception cref="ArgumentException">The client is not registered, or the URI is not absolute or has a fragment.</exception>
    public void RegisterRedirectUri(string clientId, string redirectUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0)
        {
            throw new ArgumentException("The redirect URI must be absolute and without a fragment.", nameof(redirectUri));
        }

        _services.Clients.AddRedirectUri(clientId, redirectUri);
    }

    /// <summary>How many token requests with this <c>grant_type</c> arrived (scripted answers included; "" counts requests without one).</summary>
    /// <param name="grantType">
    /// The grant type, e.g. <c>client_credentials</c>, <c>authorization_code</c>, <c>refresh_token</c>, <c>password</c>,
    /// <c>urn:ietf:params:oauth:grant-type:device_code</c> (every device code poll counts) or
    /// <c>urn:ietf:params:oauth:grant-type:jwt-bearer</c> (On-Behalf-Of). Counted by the string sent: MSAL.NET polls
    /// with Entra's short <c>device_code</c>, which is served the same but counted apart.
    /// </param>
    public int RequestCount(string grantType)
    {
        ArgumentNullException.ThrowIfNull(grantType);
        return _services.Log.TokenCount(grantType);
    }

    /// <summary>Queues a scripted answer: the next token request gets it (FIFO, one request each), then normal behaviour resumes.</summary>
    /// <param name="response">The scripted answer.</param>
    public void EnqueueTokenResponse(FakeTokenResponse response) => _services.Scripted.Enqueue(response);
}
