using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Auth.Testing.Clients;

/// <summary>An application registration: its client id, its credentials and its stable object id.</summary>
internal sealed record RegisteredClient
{
    public RegisteredClient(string clientId)
    {
        ClientId = clientId;
        ObjectId = StableGuid(clientId);
    }

    public string ClientId { get; }

    /// <summary>The service principal's object id, stable for a client id (<c>oid</c> / <c>sub</c> claims).</summary>
    public Guid ObjectId { get; }

    public ImmutableArray<string> Secrets { get; init; } = [];

    /// <summary>Public-only copies of the registered certificates.</summary>
    public ImmutableArray<X509Certificate2> Certificates { get; init; } = [];

    /// <summary>Federated identity credentials: assertions issued by another party (e.g. a managed identity token).</summary>
    public ImmutableArray<FederatedCredential> FederatedCredentials { get; init; } = [];

    /// <summary>Whether user grants may be used without client authentication (Entra's "allow public client flows").</summary>
    public bool IsPublic { get; init; }

    /// <summary>Redirect URIs registered besides the loopback ones every client may use.</summary>
    public ImmutableArray<string> RedirectUris { get; init; } = [];

    /// <summary>Redirect URIs of the registration's single-page-application platform: their origins may redeem SPA codes cross-origin.</summary>
    public ImmutableArray<string> SpaRedirectUris { get; init; } = [];

    public bool HasCredentials => !Secrets.IsEmpty || !Certificates.IsEmpty || !FederatedCredentials.IsEmpty;

    public bool HasSecret(string presented)
    {
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var secret in Secrets)
        {
            match |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), presentedBytes);
        }

        return match;
    }

    /// <summary>Whether <paramref name="redirectUri"/> is a SPA redirect URI of this client and <paramref name="origin"/> is its origin.</summary>
    public bool IsSpaRedirect(string redirectUri, string origin) =>
        SpaRedirectUris.Contains(redirectUri, StringComparer.Ordinal) && OriginOf(redirectUri) == origin;

    /// <summary>Whether a SPA redirect URI of this client has <paramref name="origin"/>.</summary>
    public bool HasSpaOrigin(string origin) => SpaRedirectUris.Any(uri => OriginOf(uri) == origin);

    /// <summary>The origin a browser sends for a page at <paramref name="uri"/>: scheme, host and the port if not the default.</summary>
    public static string OriginOf(string uri) => new Uri(uri).GetLeftPart(UriPartial.Authority);

    private static Guid StableGuid(string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("Auth.Testing.oid:" + clientId));
        return new Guid(hash.AsSpan(0, 16));
    }
}
