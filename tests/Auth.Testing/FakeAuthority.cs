using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Auth.Testing.Endpoints;
using Auth.Testing.Hosting;
using Auth.Testing.Tokens;
using WireMock.Server;

namespace Auth.Testing;

/// <summary>
/// A fake Entra ID–style OAuth 2.0 / OpenID Connect authority on WireMock.Net, served over HTTPS (default, with a
/// self-signed certificate for <c>localhost</c>) or HTTP on a free loopback port, and reachable under real-looking
/// host names (<see cref="AddHost"/>) through its own HTTP handler, where it plays Entra ID (any cloud, regional
/// hosts), CIAM (<c>*.ciamlogin.com</c>), Azure AD B2C (<c>[/tfp]/{tenant}/{B2C_1_policy}/…</c>) and AD FS
/// (<c>/adfs/…</c>) by host and path. It serves OIDC discovery, the JWKS,
/// Entra instance discovery and user realm discovery, an authorization endpoint (auth code with PKCE: it signs in a
/// chosen <see cref="FakeUser"/> without a page for HTTP clients, and shows a real browser a sign-in page; see
/// <see cref="AuthorizationEndpoint"/>), a device authorization endpoint, and a token endpoint for the
/// client credentials, authorization code, refresh token (rotating), password, device code and On-Behalf-Of grants,
/// with client_secret_post, client_secret_basic and private_key_jwt client authentication or none for public clients,
/// issuing RS256-signed JWT access and ID tokens.
/// </summary>
public sealed partial class FakeAuthority : IDisposable, IAsyncDisposable
{
    private readonly WireMockServer _server;
    private readonly AuthorityServices _services;
    private readonly LoopbackConnector _connector;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private FakeAuthority(FakeAuthorityOptions options)
    {
        var tenantId = options.TenantId ?? Guid.NewGuid().ToString();
        if (!Guid.TryParse(tenantId, out var parsedTenant))
        {
            throw new ArgumentException("The tenant id must be a GUID.", nameof(options));
        }

        var hosts = new VirtualHosts();
        foreach (var host in options.Hosts ?? [])
        {
            hosts.Add(host);
        }

        ServerCertificate = options.UseHttps ? LoopbackCertificate.Create() : null;
        try
        {
            _server = LoopbackServer.Start(ServerCertificate, out var baseUri, fixedPort: options.Port);
            BaseUri = baseUri;
            TenantId = parsedTenant.ToString();
            var urls = new AuthorityUrls(baseUri, TenantId);
            _services = new AuthorityServices(urls, hosts, options.TimeProvider ?? TimeProvider.System, options.MaxCapturedTokenRequests, new ScopeGrantPolicy(options.StrictOpenIdProvider)) { SpellDefaultPort = options.SpellDefaultPort, AuthorizationResponseIssuer = options.AuthorizationResponseIssuer };
            _connector = new LoopbackConnector(baseUri.Port, hosts, () => _services.Regional.Failure);
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

    /// <summary>The token-signing key, for a <see cref="FakeManagedIdentityEndpoint"/> that signs with it (<see cref="FakeManagedIdentityOptions.ForAuthority"/>).</summary>
    internal Jwt.SigningKey TokenSigningKey => _services.SigningKey;

    /// <summary>Entra instance discovery metadata for this host, for MSAL's <c>WithInstanceDiscoveryMetadata(string)</c>.</summary>
    public string InstanceDiscoveryMetadataJson => _services.InstanceDiscovery.MetadataJson();

    /// <summary>Starts an authority; dispose it to stop the server.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    public static FakeAuthority Start(FakeAuthorityOptions? options = null) => new(options ?? new FakeAuthorityOptions());

    /// <summary>
    /// A new handler that trusts exactly <see cref="ServerCertificate"/> (byte-for-byte), no other certificate, uses no
    /// proxy and does not follow redirects. It connects to loopback hosts as asked, and to this server's port for the
    /// registered virtual hosts (<see cref="Hosts"/>, whatever port the URL names; SNI and Host header stay the virtual
    /// name, and the certificate's name may differ for them only); it refuses every other host before any DNS lookup.
    /// Hosts added later apply to handlers created earlier.
    /// </summary>
    public HttpMessageHandler CreateHttpMessageHandler() => PinnedCertificateHandler.Create(ServerCertificate, _connector);

    /// <summary>A new client over <see cref="CreateHttpMessageHandler"/> with <see cref="HttpClient.BaseAddress"/> = <see cref="BaseUri"/>.</summary>
    public HttpClient CreateHttpClient() => new(CreateHttpMessageHandler(), disposeHandler: true) { BaseAddress = BaseUri };

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
