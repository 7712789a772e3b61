using System.Security.Cryptography;
using Auth.Common.Cache;
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.Extensions.Tests.TestDoubles;

/// <summary>
/// A <see cref="FakeAuthority"/> with two registered daemon apps, and confidential client
/// applications against it: each call to <see cref="App"/> is a new app instance (its own
/// in-memory cache), as on another server of a farm.
/// </summary>
internal sealed class TokenApps : IDisposable
{
    public const string ClientId = "app";
    public const string OtherClientId = "app2";
    public const string Secret = "secret";

    public TokenApps()
    {
        Authority.RegisterClient(ClientId, Secret);
        Authority.RegisterClient(OtherClientId, Secret);
    }

    public static ClientCredentialRequest Request { get; } = new() { Scopes = ["api://x/.default"] };

    public static ClientCredentialRequest OtherRequest { get; } = new() { Scopes = ["api://y/.default"] };

    public FakeAuthority Authority { get; } = FakeAuthority.Start();

    /// <summary>Gets how many client-credentials token requests reached the authority.</summary>
    public int TokenRequests => Authority.RequestCount("client_credentials");

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The partition key the library uses for the app tokens of <paramref name="clientId"/>.</summary>
    public string AppPartition(string clientId = ClientId) => $"{clientId}_{Authority.TenantId}_AppTokenCache";

    /// <summary>The store key of the default <c>KeyPrefix</c> under which the plugin keeps <paramref name="partition"/> of <paramref name="clientId"/>.</summary>
    public static string StorageKey(string partition, string clientId = ClientId) => $"auth-tokens:{clientId}:{partition}";

    /// <summary>The store key of the app-token partition of <paramref name="clientId"/> (default <c>KeyPrefix</c>).</summary>
    public string AppStorageKey(string clientId = ClientId) => StorageKey(AppPartition(clientId), clientId);

    public ConfidentialClientApplication App(ITokenCachePlugin plugin, string clientId = ClientId, TimeProvider? time = null) =>
        new(new ConfidentialClientOptions
        {
            TimeProvider = time,
            ClientId = clientId,
            Authority = Authority.Authority,
            ClientCredential = ClientCredential.FromSecret(Secret),
            CachePlugin = plugin,
            NetworkClient = new HttpClientNetworkClient(Authority.CreateHttpClient()),
        });

    public void Dispose() => Authority.Dispose();
}
