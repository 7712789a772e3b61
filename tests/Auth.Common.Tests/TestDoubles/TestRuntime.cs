using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Credentials;
using Auth.Common.Pipeline;
using Auth.Common.Platform;
using Auth.Common.Resilience;
using Auth.Common.Runtime;
using Auth.Common.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>Builds a <see cref="ClientRuntime"/> over in-memory doubles.</summary>
internal static class TestRuntime
{
    public const string Authority = "https://login.example.com/tenant1";

    public static readonly string Metadata = """
        {"issuer":"https://login.example.com/{tenantid}/v2.0","token_endpoint":"https://login.example.com/tenant1/oauth2/v2.0/token",
         "authorization_endpoint":"https://login.example.com/tenant1/oauth2/v2.0/authorize",
         "device_authorization_endpoint":"https://login.example.com/tenant1/oauth2/v2.0/devicecode"}
        """;

    public static ClientRuntime Create(
        INetworkClient network, TimeProvider time, ITokenCachePlugin? plugin = null, AuthorityInfo? authority = null, ClientHeaders? headers = null, string? metadataJson = null, string? detectedRegion = null, TokenCacheStore? store = null, IClientAuthenticator? authenticator = null, IReadOnlyList<string>? capabilities = null)
    {
        authority ??= AuthorityInfo.Parse(Authority, ProtocolMode.AzureAD, false);
        var metadata = new AuthorityMetadataResolver(network, time, NullLogger.Instance, false);
        if (authority.Mode == ProtocolMode.AzureAD)
        {
            metadata.Seed(authority, metadataJson ?? Metadata);
        }

        headers ??= ClientHeaders.None;
        return new ClientRuntime
        {
            ClientId = "client1",
            Authority = authority,
            AllowInsecureLoopbackAuthority = false,
            Crypto = new TestCrypto(),
            Time = time,
            Logger = NullLogger.Instance,
            EnablePiiLogging = false,
            ClockSkew = TimeSpan.FromMinutes(5),
            Metadata = metadata,
            Cache = new CacheAccessor(store ?? new TokenCacheStore(), plugin, "client1", NullLogger.Instance),
            Sender = new TokenRequestSender("client1", network, metadata, headers, authenticator, capabilities ?? [], RetryPolicy.None, time, NullLogger.Instance),
            Headers = headers,
            AuthorityValidator = new AuthorityValidator(new InstanceDiscovery(network, ClientHeaders.None.For, enabled: false), new AuthorityTrust(authority, [])),
            DetectedRegion = detectedRegion,
            ClientCapabilities = capabilities ?? [],
        };
    }
}
