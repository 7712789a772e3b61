using System.Text;
using System.Text.Json.Nodes;
using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Identity.Client;
using MsalCredential = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder;
using OurApp = Auth.Server.ConfidentialClientApplication;

namespace Auth.IntegrationTests.Interop;

/// <summary>
/// The token cache is exchanged with MSAL.NET (Microsoft.Identity.Client, test-only) in both
/// directions, both apps talking to the same <see cref="FakeAuthority"/> over HTTPS.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class MsalCacheInteropTests : IDisposable
{
    private const string ClientId = "interop-daemon";
    private const string Secret = "interop-secret";
    private const string Scope = "api://orders/.default";

    private readonly FakeAuthority _authority = FakeAuthority.Start();

    public MsalCacheInteropTests() => _authority.RegisterClient(ClientId, Secret);

    public void Dispose() => _authority.Dispose();

    private static IEnumerable<ProtocolMode> Modes => [ProtocolMode.AzureAD, ProtocolMode.Oidc];

    private OurApp Ours(ProtocolMode mode) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = mode == ProtocolMode.AzureAD ? _authority.Authority : _authority.Issuer,
        ProtocolMode = mode,
        ClientCredential = Server.ClientCredential.FromSecret(Secret),
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
    });

    private IConfidentialClientApplication Msal(ProtocolMode mode)
    {
        var builder = MsalCredential.Create(ClientId)
            .WithClientSecret(Secret)
            .WithHttpClientFactory(new FixedHttpClientFactory(_authority.CreateHttpClient()));
        builder = mode == ProtocolMode.AzureAD
            ? builder.WithAuthority(_authority.Authority).WithInstanceDiscovery(false)
            : builder.WithOidcAuthority(_authority.Issuer);
        return builder.Build();
    }

    [TestCaseSource(nameof(Modes))]
    public async Task CacheWrittenByMsal_IsReadByOurs_AsACacheHit(ProtocolMode mode)
    {
        var msal = Msal(mode);
        string? blob = null;
        msal.AppTokenCache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                blob = Encoding.UTF8.GetString(args.TokenCache.SerializeMsalV3());
            }
        });
        var fromMsal = await msal.AcquireTokenForClient([Scope]).ExecuteAsync();
        var ours = Ours(mode);

        ours.GetTokenCache().Deserialize(blob!);
        var result = await ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = [Scope] });

        result.Source.Should().Be(Auth.Common.Responses.TokenSource.Cache, $"MSAL.NET wrote: {blob}");
        result.AccessToken.Should().Be(fromMsal.AccessToken);
        _authority.RequestCount("client_credentials").Should().Be(1);
    }

    [TestCaseSource(nameof(Modes))]
    public async Task CacheWrittenByOurs_IsReadByMsal_AsACacheHit(ProtocolMode mode)
    {
        var ours = Ours(mode);
        var fromOurs = await ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = [Scope] });
        var blob = ours.GetTokenCache().Serialize();
        var msal = Msal(mode);
        msal.AppTokenCache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(Encoding.UTF8.GetBytes(blob)));

        var result = await msal.AcquireTokenForClient([Scope]).ExecuteAsync();

        result.AuthenticationResultMetadata.TokenSource.Should().Be(Microsoft.Identity.Client.TokenSource.Cache, $"ours wrote: {blob}");
        result.AccessToken.Should().Be(fromOurs.AccessToken);
        _authority.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task CacheWrittenByOurs_HasTheFieldsBothMsalsNeed()
    {
        var ours = Ours(ProtocolMode.AzureAD);
        await ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = [Scope] });

        var json = JsonNode.Parse(ours.GetTokenCache().Serialize())!;

        var (key, token) = json["AccessToken"]!.AsObject().Single();
        key.Should().Be($"-localhost-accesstoken-{ClientId}-{_authority.TenantId}-{Scope}".ToLowerInvariant());
        token!["home_account_id"]!.GetValue<string>().Should().BeEmpty();
        token["environment"]!.GetValue<string>().Should().Be("localhost");
        token["credential_type"]!.GetValue<string>().Should().Be("AccessToken");
        token["client_id"]!.GetValue<string>().Should().Be(ClientId);
        token["realm"]!.GetValue<string>().Should().Be(_authority.TenantId);
        token["target"]!.GetValue<string>().Should().Be(Scope);
        token["token_type"]!.GetValue<string>().Should().Be("Bearer");
        foreach (var field in new[] { "cached_at", "expires_on", "extended_expires_on" })
        {
            token[field]!.GetValue<string>().Should().MatchRegex("^[0-9]{10}$", field);
        }

        json["AppMetadata"]!.AsObject().Single().Key.Should().Be($"appmetadata-localhost-{ClientId}");
    }

    private sealed class FixedHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
