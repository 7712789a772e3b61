using Auth.Common.Authority;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Samples.Web;

/// <summary>
/// The authority a web sample uses: a real one from AUTH_AUTHORITY, AUTH_CLIENT_ID and
/// AUTH_CLIENT_SECRET (AUTH_PROTOCOL=oidc for a non-Microsoft provider), or the embedded
/// FakeAuthority with the sample's confidential client registered. An AUTH_AUTHORITY over plain
/// http is accepted only on loopback (a FakeAuthority that a test runs for several sample processes).
/// </summary>
internal sealed class WebSampleAuthority : IDisposable
{
    public const string DownstreamAudience = "api://sample-downstream";
    public const string DownstreamScope = DownstreamAudience + "/read";

    private WebSampleAuthority(FakeAuthority? fake, string authority, string clientId, string secret, ProtocolMode mode)
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

    /// <summary>Gets whether the authority is a configured plain-http loopback one (a test's FakeAuthority), which the app must opt in to.</summary>
    public bool IsInsecureLoopback => Fake is null && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    /// <summary>The issuer-style URL JwtBearer reads the OpenID configuration from.</summary>
    public string MetadataAuthority => Mode == ProtocolMode.AzureAD ? Authority + "/v2.0" : Authority;

    public static WebSampleAuthority FromEnvironment(string fakeClientId, string fakeSecret)
    {
        if (Environment.GetEnvironmentVariable("AUTH_AUTHORITY") is { Length: > 0 } authority)
        {
            var mode = string.Equals(Environment.GetEnvironmentVariable("AUTH_PROTOCOL"), "oidc", StringComparison.OrdinalIgnoreCase) ? ProtocolMode.Oidc : ProtocolMode.AzureAD;
            return new WebSampleAuthority(null, authority, Required("AUTH_CLIENT_ID"), Required("AUTH_CLIENT_SECRET"), mode);
        }

        var fake = FakeAuthority.Start();
        fake.RegisterClient(fakeClientId, fakeSecret);
        return new WebSampleAuthority(fake, fake.Authority, fakeClientId, fakeSecret, ProtocolMode.AzureAD);
    }

    /// <summary>Configures the app's confidential client for this authority (client id, secret, protocol, HTTP client).</summary>
    public void Configure(ConfidentialClientOptions options)
    {
        options.ClientId = ClientId;
        options.Authority = Authority;
        options.ProtocolMode = Mode;
        options.ClientSecret = ClientSecret;
        options.NetworkClient = NetworkClient();
        options.AllowInsecureLoopbackAuthority = IsInsecureLoopback;
    }

    /// <summary>The HTTP client for the authority: the fake's pins its self-signed certificate.</summary>
    public HttpClientNetworkClient? NetworkClient() => Fake is null ? null : new HttpClientNetworkClient(Fake.CreateHttpClient());

    public void Dispose() => Fake?.Dispose();

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Set {name} together with AUTH_AUTHORITY.");
}
