using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace Auth.Testing.Clients;

/// <summary>The thread-safe set of registered applications; a client may hold several secrets and certificates.</summary>
internal sealed class ClientRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, RegisteredClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<X509Certificate2> _ownedCertificates = [];

    public void AddSecret(string clientId, string secret)
    {
        _clients.AddOrUpdate(
            clientId,
            static (id, value) => new RegisteredClient(id) { Secrets = [value] },
            static (_, existing, value) => existing with { Secrets = existing.Secrets.Add(value) },
            secret);
    }

    public void AddCertificate(string clientId, X509Certificate2 certificate)
    {
        var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        _ownedCertificates.Add(publicOnly);
        _clients.AddOrUpdate(
            clientId,
            static (id, value) => new RegisteredClient(id) { Certificates = [value] },
            static (_, existing, value) => existing with { Certificates = existing.Certificates.Add(value) },
            publicOnly);
    }

    public void AddFederated(string clientId, FederatedCredential credential)
    {
        _clients.AddOrUpdate(
            clientId,
            static (id, value) => new RegisteredClient(id) { FederatedCredentials = [value] },
            static (_, existing, value) => existing with { FederatedCredentials = existing.FederatedCredentials.Add(value) },
            credential);
    }

    public void AddPublic(string clientId)
    {
        _clients.AddOrUpdate(
            clientId,
            static id => new RegisteredClient(id) { IsPublic = true },
            static (_, existing) => existing with { IsPublic = true });
    }

    /// <exception cref="ArgumentException">The client is not registered.</exception>
    public void AddRedirectUri(string clientId, string redirectUri) =>
        Update(clientId, existing => existing with { RedirectUris = existing.RedirectUris.Add(redirectUri) });

    /// <exception cref="ArgumentException">The client is not registered.</exception>
    public void AddSpaRedirectUri(string clientId, string redirectUri) =>
        Update(clientId, existing => existing with { SpaRedirectUris = existing.SpaRedirectUris.Add(redirectUri) });

    /// <summary>Whether some client's SPA redirect URI has this origin (the token endpoint answers it with CORS headers).</summary>
    public bool IsSpaOrigin(string origin) => _clients.Values.Any(client => client.HasSpaOrigin(origin));

    public RegisteredClient? Find(string clientId) => _clients.TryGetValue(clientId, out var client) ? client : null;

    private void Update(string clientId, Func<RegisteredClient, RegisteredClient> change)
    {
        while (true)
        {
            if (!_clients.TryGetValue(clientId, out var existing))
            {
                throw new ArgumentException($"Register the client '{clientId}' before its redirect URIs.", nameof(clientId));
            }

            if (_clients.TryUpdate(clientId, change(existing), existing))
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        foreach (var certificate in _ownedCertificates)
        {
            certificate.Dispose();
        }
    }
}
