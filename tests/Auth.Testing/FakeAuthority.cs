using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Auth.Testing.Endpoints;
using Auth.Testing.Hosting;
using WireMock.Server;

namespace Auth.Testing;

/// <summary>
/// A fake Entra ID–style OAuth 2.0 / OpenID Connect authority on WireMock.Net, served over HTTPS (default, with a
/// self-signed certificate for <c>localhost</c>) or HTTP on a free loopback port. It serves OIDC discovery, the JWKS,
/// Entra instance discovery and a token endpoint implementing the client credentials grant with client_secret_post,
/// client_secret_basic and private_key_jwt client authentication, issuing RS256-signed JWT access tokens.
/// </summary>
public sealed class FakeAuthority : IDisposable, IAsyncDisposable
{
    private readonly WireMockServer _server;
    private readonly AuthorityServices _services;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private FakeAuthority(FakeAuthorityOptions options)
    {
        var tenantId = options.TenantId ?? Guid.NewGuid().ToString();
        if (!Guid.TryParse(tenantId, out var parsedTenant))
        {
            throw new ArgumentException("The tenant id must be a GUID.", nameof(options));
        }

        ServerCertificate = options.UseHttps ? LoopbackCertificate.Create() : null;
        try
        {
            _server = LoopbackServer.Start(ServerCertificate, out var baseUri);
            BaseUri = baseUri;
            TenantId = parsedTenant.ToString();
            var urls = new AuthorityUrls(baseUri, TenantId);
            _services = new AuthorityServices(urls, options.TimeProvider ?? TimeProvider.System, options.MaxCapturedTokenRequests);
            new EndpointMappings(_services, _stopping.Token).MapOnto(_server);
            Authority = urls.Authority(TenantId);
            Issuer = urls.Issuer(TenantId);
            TokenEndpoint = new Uri(urls.Token(TenantId));
        }
        catch
        {
            _server?.Dispose();
            ServerCertificate?.Dispose();
            _stopping.Dispose();
            throw;
        }
    }

    /// <summary>The server root with a trailing slash, e.g. <c>https://localhost:54321/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The home tenant id (a GUID string).</summary>
    public string TenantId { get; }

    /// <summary>The Entra-style authority, <c>{BaseUri}{TenantId}</c> (no trailing slash), e.g. for MSAL's <c>WithAuthority</c>.</summary>
    public string Authority { get; }

    /// <summary>The OIDC issuer, <c>{BaseUri}{TenantId}/v2.0</c>; discovery is at <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public string Issuer { get; }

    /// <summary>The home tenant's token endpoint, <c>{BaseUri}{TenantId}/oauth2/v2.0/token</c>.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The TLS server certificate (self-signed, <c>localhost</c>), or <see langword="null"/> over HTTP.</summary>
    public X509Certificate2? ServerCertificate { get; }

    /// <summary>The public half of the token-signing key. Owned by the authority: do not dispose it.</summary>
    public RSA SigningKeyPublic => _services.SigningKey.PublicKey;

    /// <summary>The key id (<c>kid</c>) of the token-signing key.</summary>
    public string SigningKeyId => _services.SigningKey.KeyId;

    /// <summary>The JSON Web Key Set served at the <c>jwks_uri</c>.</summary>
    public string JwksJson => _services.SigningKey.JwksJson;

    /// <summary>Entra instance discovery metadata for this host, for MSAL's <c>WithInstanceDiscoveryMetadata(string)</c>.</summary>
    public string InstanceDiscoveryMetadataJson => _services.InstanceDiscovery.MetadataJson();

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

    /// <summary>Starts an authority; dispose it to stop the server.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    public static FakeAuthority Start(FakeAuthorityOptions? options = null) => new(options ?? new FakeAuthorityOptions());

    /// <summary>A new handler that trusts exactly <see cref="ServerCertificate"/> (byte-for-byte), no other certificate, and uses no proxy.</summary>
    public HttpMessageHandler CreateHttpMessageHandler() => PinnedCertificateHandler.Create(ServerCertificate);

    /// <summary>A new client over <see cref="CreateHttpMessageHandler"/> with <see cref="HttpClient.BaseAddress"/> = <see cref="BaseUri"/>.</summary>
    public HttpClient CreateHttpClient() => new(CreateHttpMessageHandler(), disposeHandler: true) { BaseAddress = BaseUri };

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

    /// <summary>Stops the server and releases its keys and certificates.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
        _services.Dispose();
        ServerCertificate?.Dispose();
        _stopping.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
