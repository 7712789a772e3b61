// Snippets of docs/testing.md: testing an app's token code against Auth.Testing's FakeAuthority and
// FakeManagedIdentityEndpoint. OrdersDaemonTests is a whole NUnit fixture, shown on the page and run as it is.
#region Usings
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
#endregion
using Auth.Common.Platform;
#region ClockUsings
using Microsoft.Extensions.Time.Testing;
#endregion

namespace Auth.Docs.Snippets;

#region TestClass
[TestFixture]
public sealed class OrdersDaemonTests
{
    private FakeAuthority _fake = null!;

    [SetUp]
    public void StartAuthority()
    {
        // The fake answers for login.microsoftonline.com: the app keeps its production authority URL.
        _fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        _fake.RegisterClient("orders-daemon", "test-secret");
    }

    [TearDown]
    public void StopAuthority() => _fake.Dispose();

    [Test]
    public async Task SecondCallIsServedFromTheCache()
    {
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "orders-daemon",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret("test-secret"),
            NetworkClient = new HttpClientNetworkClient(_fake.CreateHttpClient()), // the only line a test adds
        });
        var request = new ClientCredentialRequest { Scopes = ["api://orders/.default"] };

        var first = await app.AcquireTokenByClientCredentialAsync(request);
        var second = await app.AcquireTokenByClientCredentialAsync(request);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        var sent = _fake.TokenRequests.Should().ContainSingle().Subject;
        sent.Host.Should().Be("login.microsoftonline.com");
        sent.Tenant.Should().Be("contoso.onmicrosoft.com");
        sent.GrantType.Should().Be("client_credentials");
        sent.Form["scope"].Should().Be("api://orders/.default");
    }
}
#endregion

public static class TestingExamples
{
    /// <summary>A throttled answer, then a refused repeat, then an outage the app's one retry rides out (asserted as a test would).</summary>
    public static async Task ScriptedFailuresAsync(FakeAuthority fake)
    {
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "orders-daemon",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret("test-secret"),
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
            RetryDelay = TimeSpan.Zero, // docs:hide
        });
        #region ScriptedFailure
        // The next token request gets 429 with Retry-After: 30.
        fake.EnqueueTokenResponse(FakeTokenResponse.Throttled(TimeSpan.FromSeconds(30)));
        var acquire = () => app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://orders/.default"] });

        var throttled = (await acquire.Should().ThrowAsync<AuthServiceException>()).Which;
        throttled.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        throttled.StatusCode.Should().Be(429);
        throttled.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));

        // The same request within those 30 s is refused by the app itself: nothing is sent.
        (await acquire.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        fake.RequestCount("client_credentials").Should().Be(1);

        // A 500 (or a timeout) is retried once after RetryDelay: one failure is invisible to the caller.
        fake.EnqueueTokenResponse(FakeTokenResponse.ServerError());
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://billing/.default"] });
        result.Source.Should().Be(TokenSource.IdentityProvider);
        fake.RequestCount("client_credentials").Should().Be(3); // the 429, the 500 and its retry
        #endregion
    }

    /// <summary>One clock for the fake and the app: the token is renewed only when the test moves time on.</summary>
    public static async Task<(AuthenticationResult Early, AuthenticationResult Late)> ClockAsync()
    {
        #region Clock
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"], TimeProvider = time });
        fake.RegisterClient("orders-daemon", "test-secret");
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "orders-daemon",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret("test-secret"),
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
            TimeProvider = time, // the cache reads this clock
        });
        var request = new ClientCredentialRequest { Scopes = ["api://orders/.default"] };

        await app.AcquireTokenByClientCredentialAsync(request);    // from the fake: expires in 1 hour (fake.AccessTokenLifetime)
        time.Advance(TimeSpan.FromMinutes(50));
        var early = await app.AcquireTokenByClientCredentialAsync(request);    // Source == Cache
        time.Advance(TimeSpan.FromMinutes(6));
        var late = await app.AcquireTokenByClientCredentialAsync(request);     // under 5 minutes left: a new token from the fake
        #endregion
        fake.RequestCount("client_credentials").Should().Be(2);
        return (early, late);
    }

    /// <summary>Interactive sign-in with the test playing the browser: no browser, no window.</summary>
    public static async Task<AuthenticationResult> InteractiveAsync(FakeAuthority fake, INetworkClient network)
    {
        #region Interactive
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "orders-desktop", // fake.RegisterPublicClient("orders-desktop")
            Authority = "https://login.microsoftonline.com/organizations",
            NetworkClient = network,
        });
        var result = await app.AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = ["api://orders/read"],
            OpenBrowser = async (url, ct) =>
            {
                // The "browser": the fake signs in fake.DefaultUser (or SignInAs's user) and redirects to the app's loopback port.
                using var authority = fake.CreateHttpClient();
                using var signIn = await authority.GetAsync(url, ct);
                using var loopback = new HttpClient();
                await loopback.GetStringAsync(signIn.Headers.Location, ct);
            },
        });
        // result.Account.Username == "ada@contoso.com"
        #endregion
        return result;
    }

    /// <summary>The device code flow with the test approving the code as the user.</summary>
    public static async Task<AuthenticationResult> DeviceCodeAsync(FakeAuthority fake, INetworkClient network)
    {
        #region DeviceCode
        fake.DeviceCodePollInterval = TimeSpan.FromSeconds(1); // the app waits the interval between polls
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "orders-cli",
            Authority = "https://login.microsoftonline.com/organizations",
            NetworkClient = network,
        });
        var signIn = app.AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
        {
            Scopes = ["api://orders/read"],
            DeviceCodeCallback = (info, ct) => Task.CompletedTask, // the app would show info.Message
        });
        var userCode = await fake.WaitForUserCodeAsync();
        fake.ApproveDeviceCode(userCode);                          // or DenyDeviceCode: access_denied
        var result = await signIn;
        #endregion
        return result;
    }

    /// <summary>A web API's On-Behalf-Of exchange, with the incoming user token minted by the fake.</summary>
    public static async Task<AuthenticationResult> OnBehalfOfAsync(FakeAuthority fake, INetworkClient network)
    {
        #region OnBehalfOf
        // The token a client app would have sent to the API (aud = the API's client id, scp = access_as_user).
        var incoming = fake.IssueUserAccessToken(fake.DefaultUser, "orders-api", ["access_as_user"]);
        var api = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "orders-api", // fake.RegisterClient("orders-api", "api-secret")
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret("api-secret"),
            NetworkClient = network,
        });
        var graph = await api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest
        {
            OboAssertion = incoming,
            Scopes = ["https://graph.microsoft.com/User.Read"],
        });
        #endregion
        return graph;
    }

    /// <summary>Azure AD B2C: a tenant with user flows, its b2clogin.com authority routed to the fake.</summary>
    public static async Task<AuthenticationResult> B2CAsync(FakeAuthority fake)
    {
        #region B2C
        var b2c = fake.AddB2C("contoso");                            // contoso.b2clogin.com, B2C_1_signupsignin, ...
        fake.RegisterPublicClient("orders-mobile");
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "orders-mobile",
            Authority = b2c.AuthorityFor(b2c.SignUpSignInPolicy),  // https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signupsignin
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
        });
        var result = await app.AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = ["https://contoso.onmicrosoft.com/orders/read"],
            OpenBrowser = async (url, ct) =>                       // signs in at the policy, as in the interactive test above
            {
                using var authority = fake.CreateHttpClient();
                using var signIn = await authority.GetAsync(url, ct);
                using var loopback = new HttpClient();
                await loopback.GetStringAsync(signIn.Headers.Location, ct);
            },
        });
        // result.Account.B2CPolicy == "b2c_1_signupsignin"
        #endregion
        return result;
    }

    /// <summary>Managed identity against FakeManagedIdentityEndpoint playing App Service.</summary>
    public static async Task<(AuthenticationResult Result, FakeManagedIdentityEndpoint Endpoint)> ManagedIdentityAsync()
    {
        #region ManagedIdentity
        var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AppService });
        var app = new ManagedIdentityApplication(new ManagedIdentityOptions
        {
            // The fake's IDENTITY_ENDPOINT and IDENTITY_HEADER, instead of the process's environment.
            Platform = new ManagedIdentityPlatform(endpoint.EnvironmentVariables),
        });
        var result = await app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        var sent = endpoint.Requests.Single();                      // what the app sent
        // sent.Query["resource"] == "https://vault.azure.net", sent.Headers["X-IDENTITY-HEADER"] == endpoint.Secret
        #endregion
        _ = sent;
        return (result, endpoint);
    }
}
