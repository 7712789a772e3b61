using Auth.Common.Authority;
using Auth.Server.Network;
using Auth.Testing;

namespace WebApp;

/// <summary>
/// The authority the web app signs users in at: a real one from AUTH_AUTHORITY, AUTH_CLIENT_ID and
/// AUTH_CLIENT_SECRET (AUTH_PROTOCOL=oidc for a non-Microsoft provider), or the embedded
/// FakeAuthority with a registered confidential client.
/// </summary>
internal sealed class SampleAuthority : IDisposable
{
    public const string DownstreamScope = "api://sample-downstream/read";

    private SampleAuthority(FakeAuthority? fake, string authority, string clientId, string secret, ProtocolMode mode)
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

    public static SampleAuthority FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("AUTH_AUTHORITY") is { Length: > 0 } authority)
        {
            var mode = string.Equals(Environment.GetEnvironmentVariable("AUTH_PROTOCOL"), "oidc", StringComparison.OrdinalIgnoreCase) ? ProtocolMode.Oidc : ProtocolMode.AzureAD;
            return new SampleAuthority(null, authority, Required("AUTH_CLIENT_ID"), Required("AUTH_CLIENT_SECRET"), mode);
        }

        var fake = FakeAuthority.Start();
        fake.RegisterClient("sample-web-app", "sample-web-secret");
        return new SampleAuthority(fake, fake.Authority, "sample-web-app", "sample-web-secret", ProtocolMode.AzureAD);
    }

    /// <summary>The HTTP client for the authority: the fake's pins its self-signed certificate.</summary>
    public HttpClientNetworkClient? NetworkClient() => Fake is null ? null : new HttpClientNetworkClient(Fake.CreateHttpClient());

    public void Dispose() => Fake?.Dispose();

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Set {name} together with AUTH_AUTHORITY.");
}
