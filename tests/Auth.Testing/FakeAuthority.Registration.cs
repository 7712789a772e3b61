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

    /// <summary>How many token requests with this <c>grant_type</c> arrived (scripted answers included; "" counts requests without one).</summary>
    /// <param name="grantType">The grant type, e.g. <c>client_credentials</c>.</param>
    public int RequestCount(string grantType)
    {
        ArgumentNullException.ThrowIfNull(grantType);
        return _services.Log.TokenCount(grantType);
    }

    /// <summary>Queues a scripted answer: the next token request gets it (FIFO, one request each), then normal behaviour resumes.</summary>
    /// <param name="response">The scripted answer.</param>
    public void EnqueueTokenResponse(FakeTokenResponse response) => _services.Scripted.Enqueue(response);
}
