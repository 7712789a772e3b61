using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Auth.Testing.Hosting;
using Auth.Testing.ManagedIdentity;
using WireMock.Server;

namespace Auth.Testing;

/// <summary>
/// A strict fake of one managed identity source (IMDS, App Service, Azure Arc, Cloud Shell, Service Fabric or Machine
/// Learning) on WireMock.Net, on a free port of <c>127.0.0.1</c> (Service Fabric over HTTPS with a self-signed
/// certificate), answering token requests as the real source does for MSAL.NET's requests, and refusing, with the
/// source's own error status and body shape, any request the real source would refuse: wrong path, method,
/// <c>api-version</c> or secret, a missing header, an identity parameter the source does not take, more than one,
/// or an identity not assigned. Give an app's process <see cref="EnvironmentVariables"/> so that MSAL's source
/// detection picks it. Issued tokens are RS256 JWTs verifiable with <see cref="JwksJson"/>. The fake never logs
/// headers or secrets.
/// </summary>
public sealed partial class FakeManagedIdentityEndpoint : IDisposable
{
    private readonly WireMockServer _server;
    private readonly ManagedIdentityServices _services;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private FakeManagedIdentityEndpoint(FakeManagedIdentityOptions options)
    {
        Validate(options);
        Source = options.Source;
        Secret = SourceCatalog.HasSecret(Source) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : string.Empty;
        _services = new ManagedIdentityServices(options, Secret);
        try
        {
            _certificate = Source == FakeManagedIdentitySource.ServiceFabric ? LoopbackCertificate.Create() : null;
            _server = LoopbackServer.Start(_certificate, out var baseUri, "127.0.0.1");
            Endpoint = new Uri(baseUri, _services.Rules.Path);
            ServerCertificateThumbprint = _certificate?.Thumbprint;
            EnvironmentVariables = SourceEnvironment.For(Source, baseUri, Endpoint, Secret, ServerCertificateThumbprint, SystemAssigned.ClientId);
            new MiDispatcher(_services, _stopping.Token).MapOnto(_server);
        }
        catch
        {
            _server?.Dispose();
            _certificate?.Dispose();
            _services.Dispose();
            _stopping.Dispose();
            throw;
        }
    }

    /// <summary>The source played.</summary>
    public FakeManagedIdentitySource Source { get; }

    /// <summary>The full token URL the app calls, e.g. <c>http://127.0.0.1:54321/metadata/identity/oauth2/token</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Exactly the environment variables an app's process needs for MSAL.NET's and msal-node's detection to pick this
    /// source at this address: IMDS <c>AZURE_POD_IDENTITY_AUTHORITY_HOST</c>; App Service <c>IDENTITY_ENDPOINT</c>,
    /// <c>IDENTITY_HEADER</c>; Azure Arc <c>IDENTITY_ENDPOINT</c>, <c>IMDS_ENDPOINT</c>; Cloud Shell <c>MSI_ENDPOINT</c>;
    /// Service Fabric <c>IDENTITY_ENDPOINT</c> (https), <c>IDENTITY_HEADER</c>, <c>IDENTITY_SERVER_THUMBPRINT</c>;
    /// Machine Learning <c>MSI_ENDPOINT</c>, <c>MSI_SECRET</c>, <c>DEFAULT_IDENTITY_CLIENT_ID</c>. Other detection
    /// variables must be absent from the process.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; }

    /// <summary>The secret the source checks (<c>IDENTITY_HEADER</c> or <c>MSI_SECRET</c>); empty for IMDS, Azure Arc and Cloud Shell.</summary>
    public string Secret { get; }

    /// <summary>Service Fabric: the SHA-1 thumbprint (upper-case hex) of the self-signed HTTPS certificate it serves; otherwise <see langword="null"/>.</summary>
    public string? ServerCertificateThumbprint { get; }

    /// <summary>Azure Arc: the full path of the directory holding the key files its challenges name; otherwise <see langword="null"/>.</summary>
    public string? AzureArcKeyDirectory => _services.ArcKeys?.Directory;

    /// <summary>The system-assigned identity, used when a request names none (and, for Machine Learning, named by its client id).</summary>
    public FakeManagedIdentity SystemAssigned => _services.Identities.SystemAssigned;

    /// <summary>The JSON Web Key Set of the key that signs issued tokens.</summary>
    public string JwksJson => _services.SigningKey.JwksJson;

    /// <summary>Starts an endpoint; dispose it to stop the server and delete its Arc key files.</summary>
    /// <param name="options">Options; defaults (IMDS) when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static FakeManagedIdentityEndpoint Start(FakeManagedIdentityOptions? options = null) => new(options ?? new FakeManagedIdentityOptions());

    /// <summary>
    /// Registers a user-assigned identity with a fresh client id and object id, and the resource id
    /// <c>/subscriptions/{guid}/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}</c>.
    /// Azure Arc and Cloud Shell still refuse every request naming an identity.
    /// </summary>
    /// <param name="name">The resource name (letters, digits, '-' and '_'); <c>identity{n}</c> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The name holds other characters.</exception>
    public FakeManagedIdentity AddUserAssigned(string? name = null) => _services.Identities.AddUserAssigned(name);

    /// <summary>Stops the server and releases its keys, certificate and Arc key files.</summary>
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
        _certificate?.Dispose();
        _stopping.Dispose();
    }

    private static void Validate(FakeManagedIdentityOptions options)
    {
        if (!Enum.IsDefined(options.Source))
        {
            throw new ArgumentException($"'{options.Source}' is not a managed identity source.", nameof(options));
        }

        if (options.TokenLifetime < TimeSpan.FromSeconds(1) || options.RefreshIn < TimeSpan.Zero)
        {
            throw new ArgumentException("TokenLifetime must be at least 1 second and RefreshIn must not be negative.", nameof(options));
        }

        if (!Guid.TryParse(options.TenantId, out _))
        {
            throw new ArgumentException("TenantId must be a GUID.", nameof(options));
        }
    }
}
