using Auth.Common.Authority;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Samples.Web;

/// <summary>
/// The authority a web sample uses: a real one from AUTH_AUTHORITY, AUTH_CLIENT_ID and
/// AUTH_CLIENT_SECRET (AUTH_PROTOCOL=oidc for a non-Microsoft provider), or the embedded
/// FakeAuthority with the sample's confidential client registered. The embedded fake listens on plain http on
/// loopback, so that the sample's other process (the web API of the on-behalf-of chain) can use it too; an
/// AUTH_AUTHORITY over plain http is likewise accepted only on loopback (a FakeAuthority that another sample
/// process or a test runs for several sample processes).
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

    /// <summary>Gets whether the authority is a plain-http loopback one (a FakeAuthority, embedded or another process's), which the app must opt in to.</summary>
    public bool IsInsecureLoopback => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    /// <summary>Gets whether the authority is a FakeAuthority (embedded, or another process's on plain-http loopback): real resources such as Microsoft Graph do not accept its tokens.</summary>
    public bool IsFake => Fake is not null || IsInsecureLoopback;

    /// <summary>The issuer-style URL JwtBearer reads the OpenID configuration from.</summary>
    public string MetadataAuthority => Mode == ProtocolMode.AzureAD ? Authority + "/v2.0" : Authority;

    public static WebSampleAuthority FromEnvironment(string fakeClientId, string fakeSecret)
    {
        if (Environment.GetEnvironmentVariable("AUTH_AUTHORITY") is { Length: > 0 } authority)
        {
            var mode = string.Equals(Environment.GetEnvironmentVariable("AUTH_PROTOCOL"), "oidc", StringComparison.OrdinalIgnoreCase) ? ProtocolMode.Oidc : ProtocolMode.AzureAD;
            return new WebSampleAuthority(null, authority, Required("AUTH_CLIENT_ID"), Required("AUTH_CLIENT_SECRET"), mode);
        }

        var fake = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
        fake.RegisterClient(fakeClientId, fakeSecret);
        return new WebSampleAuthority(fake, fake.Authority, fakeClientId, fakeSecret, ProtocolMode.AzureAD);
    }

    /// <summary>
    /// Makes <paramref name="options"/> this authority's confidential client, with the <c>cp1</c> capability: the web
    /// samples handle claims challenges (continuous access evaluation).
    /// </summary>
    public void Configure(ConfidentialClientOptions options)
    {
        options.ClientId = ClientId;
        options.Authority = Authority;
        options.ProtocolMode = Mode;
        options.ClientSecret = ClientSecret;
        options.NetworkClient = NetworkClient();
        options.AllowInsecureLoopbackAuthority = IsInsecureLoopback;
        options.ClientCapabilities = ["cp1"];
    }

    /// <summary>The HTTP client for the authority: the fake's pins its self-signed certificate.</summary>
    private HttpClientNetworkClient? NetworkClient() => Fake is null ? null : new HttpClientNetworkClient(Fake.CreateHttpClient());

    public void Dispose() => Fake?.Dispose();

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Set {name} together with AUTH_AUTHORITY.");
}
