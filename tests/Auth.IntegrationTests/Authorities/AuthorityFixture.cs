using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.Authorities;

/// <summary>A FakeAuthority reachable under real Microsoft host names through its own handler.</summary>
public abstract class AuthorityFixture
{
    protected const string ClientId = "kind-app";
    protected const string Secret = "kind-secret";
    protected static readonly ClientCredentialRequest AppRequest = new() { Scopes = ["api://orders/.default"] };
    protected static readonly string[] UserScopes = ["api://orders/read"];

    protected FakeAuthority Authority { get; private set; } = null!;

    [SetUp]
    public void StartAuthority()
    {
        Authority = FakeAuthority.Start(new FakeAuthorityOptions
        {
            Hosts =
            [
                "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "westus.login.microsoft.com",
                "login.microsoftonline.us", "contoso.b2clogin.com", "adfs.contoso.com", "contoso.ciamlogin.com", "unknown.example.com",
            ],
        });
        Authority.RegisterClient(ClientId, Secret);
    }

    [TearDown]
    public void StopAuthority() => Authority.Dispose();

    protected ConfidentialClientApplication App(string authority, ProtocolMode mode = ProtocolMode.AzureAD, TimeProvider? time = null) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = authority,
        ProtocolMode = mode,
        ClientSecret = Secret,
        TimeProvider = time,
        RetryDelay = TimeSpan.Zero,
        NetworkClient = new HttpClientNetworkClient(Authority.CreateHttpClient(), new HttpClientNetworkClientOptions()),
    });

    protected Task<AuthenticationResult> SignInAsync(ClientApplication app) => app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
    {
        Scopes = UserScopes,
        Username = Authority.DefaultUser.Username,
        Password = Authority.DefaultUser.Password,
    });
}
