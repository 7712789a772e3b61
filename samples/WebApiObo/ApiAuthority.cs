using Auth.Common.Authority;
using Auth.Server.Network;
using Auth.Testing;

namespace WebApiObo;

/// <summary>
/// The authority of the web API: a real one from AUTH_AUTHORITY, AUTH_CLIENT_ID (the API's app id,
/// also the audience of incoming tokens) and AUTH_CLIENT_SECRET, or the embedded FakeAuthority.
/// </summary>
internal sealed class ApiAuthority : IDisposable
{
    public const string DownstreamAudience = "api://sample-downstream";
    public const string DownstreamScope = DownstreamAudience + "/read";

    private ApiAuthority(FakeAuthority? fake, string authority, string clientId, string secret, ProtocolMode mode)
    {
        Fake = fake;
        Authority = authority;
        ClientId = clientId;
        ClientSecret = secret;
        Mode = mode;
    }

    public FakeAuthority? Fake { get; }

    public string Authority { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public ProtocolMode Mode { get; }

    /// <summary>The issuer-style URL JwtBearer reads the OpenID configuration from.</summary>
    public string MetadataAuthority => Mode == ProtocolMode.AzureAD ? Authority + "/v2.0" : Authority;

    public static ApiAuthority FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("AUTH_AUTHORITY") is { Length: > 0 } authority)
        {
            var mode = string.Equals(Environment.GetEnvironmentVariable("AUTH_PROTOCOL"), "oidc", StringComparison.OrdinalIgnoreCase) ? ProtocolMode.Oidc : ProtocolMode.AzureAD;
            return new ApiAuthority(null, authority, Required("AUTH_CLIENT_ID"), Required("AUTH_CLIENT_SECRET"), mode);
        }

        var fake = FakeAuthority.Start();
        fake.RegisterClient("sample-web-api", "sample-api-secret");
        return new ApiAuthority(fake, fake.Authority, "sample-web-api", "sample-api-secret", ProtocolMode.AzureAD);
    }

    public HttpClientNetworkClient? NetworkClient() => Fake is null ? null : new HttpClientNetworkClient(Fake.CreateHttpClient());

    public void Dispose() => Fake?.Dispose();

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Set {name} together with AUTH_AUTHORITY.");
}
