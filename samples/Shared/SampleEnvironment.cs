using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Samples;

/// <summary>
/// Where a sample signs in: a real tenant or OpenID Provider when AUTH_AUTHORITY and
/// AUTH_CLIENT_ID are set (AUTH_PROTOCOL=oidc for a non-Microsoft provider, AUTH_SCOPE for the
/// scope), otherwise the embedded FakeAuthority on a free loopback port.
/// </summary>
internal sealed class SampleEnvironment : IAsyncDisposable
{
    private SampleEnvironment(FakeAuthority? fake, string clientId, string authority, ProtocolMode mode, string scope)
    {
        Fake = fake;
        ClientId = clientId;
        Authority = authority;
        Mode = mode;
        Scopes = [scope];
    }

    /// <summary>Gets the embedded fake authority, or null against a real one.</summary>
    public FakeAuthority? Fake { get; }

    public string ClientId { get; }

    public string Authority { get; }

    public ProtocolMode Mode { get; }

    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Reads the environment; starts the fake (with a fixed tenant, so a cache file stays valid across runs) when none is configured.</summary>
    public static SampleEnvironment Create(string defaultClientId)
    {
        var authority = Environment.GetEnvironmentVariable("AUTH_AUTHORITY");
        var scope = Environment.GetEnvironmentVariable("AUTH_SCOPE") ?? "api://sample-api/read";
        if (!string.IsNullOrEmpty(authority))
        {
            var clientId = Environment.GetEnvironmentVariable("AUTH_CLIENT_ID")
                ?? throw new InvalidOperationException("Set AUTH_CLIENT_ID together with AUTH_AUTHORITY.");
            var mode = string.Equals(Environment.GetEnvironmentVariable("AUTH_PROTOCOL"), "oidc", StringComparison.OrdinalIgnoreCase)
                ? ProtocolMode.Oidc
                : ProtocolMode.AzureAD;
            Console.WriteLine($"Authority: {authority}");
            return new SampleEnvironment(null, clientId, authority, mode, scope);
        }

        var fake = FakeAuthority.Start(new FakeAuthorityOptions { TenantId = "7d9c2b8e-5f0a-4c1e-9b3d-2a6f8e4c1d05" });
        fake.RegisterPublicClient(defaultClientId);
        Console.WriteLine($"Authority: {fake.Authority} (embedded FakeAuthority; set AUTH_AUTHORITY and AUTH_CLIENT_ID to use a real one)");
        return new SampleEnvironment(fake, defaultClientId, fake.Authority, ProtocolMode.AzureAD, scope);
    }

    /// <summary>Options for a public client against this environment.</summary>
    public PublicClientOptions PublicClientOptions(ITokenCachePlugin? cachePlugin = null) => new()
    {
        ClientId = ClientId,
        Authority = Authority,
        ProtocolMode = Mode,
        CachePlugin = cachePlugin,
        NetworkClient = Fake is null ? null : new HttpClientNetworkClient(Fake.CreateHttpClient()),
    };

    /// <summary>Prints a result; only the fake's tokens are printed whole.</summary>
    public void Show(string label, Auth.Common.Responses.AuthenticationResult result)
    {
        var token = Fake is not null ? result.AccessToken : result.AccessToken[..Math.Min(12, result.AccessToken.Length)] + "…";
        Console.WriteLine($"{label}: source={result.Source}, user={result.Account?.Username}, expires={result.ExpiresOn:u}, scopes={string.Join(' ', result.Scopes)}");
        Console.WriteLine($"  access token: {token}");
    }

    public ValueTask DisposeAsync() => Fake?.DisposeAsync() ?? ValueTask.CompletedTask;
}
