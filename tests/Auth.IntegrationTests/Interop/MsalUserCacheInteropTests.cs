using System.Text;
using Auth.IntegrationTests.PublicClient;
using Microsoft.Identity.Client;
using OurRequests = Auth.Common.Requests;

namespace Auth.IntegrationTests.Interop;

/// <summary>User tokens (account, ID, access and refresh tokens) exchanged with MSAL.NET in both directions.</summary>
[TestFixture]
public sealed class MsalUserCacheInteropTests : PublicClientFixture
{
    private IPublicClientApplication Msal() => PublicClientApplicationBuilder.Create(ClientId)
        .WithAuthority(Authority.Authority)
        .WithInstanceDiscovery(false)
        .WithHttpClientFactory(new FixedHttpClientFactory(Authority.CreateHttpClient()))
        .Build();

    [Test]
    public async Task CacheWrittenByMsal_IsReadByOurs_AsASilentCacheHit()
    {
        var msal = Msal();
        string? blob = null;
        msal.UserTokenCache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                blob = Encoding.UTF8.GetString(args.TokenCache.SerializeMsalV3());
            }
        });
#pragma warning disable CS0618 // ROPC is obsolete in MSAL.NET; it is the simplest way to make MSAL sign a user in here.
        var fromMsal = await msal.AcquireTokenByUsernamePassword(Scopes, Authority.DefaultUser.Username, Authority.DefaultUser.Password).ExecuteAsync();
#pragma warning restore CS0618
        var ours = App();
        var requestsBefore = Authority.TokenRequests.Count;

        ours.GetTokenCache().Deserialize(blob!);
        var accounts = await ours.GetTokenCache().GetAllAccountsAsync();
        var result = await ours.AcquireTokenSilentAsync(new OurRequests.SilentFlowRequest { Scopes = Scopes, Account = accounts.Single() });

        accounts.Single().HomeAccountId.Should().Be(fromMsal.Account.HomeAccountId.Identifier);
        accounts.Single().Username.Should().Be(Authority.DefaultUser.Username);
        result.Source.Should().Be(Auth.Common.Responses.TokenSource.Cache, $"MSAL.NET wrote: {blob}");
        result.AccessToken.Should().Be(fromMsal.AccessToken);
        Authority.TokenRequests.Count.Should().Be(requestsBefore);
    }

    [Test]
    public async Task CacheWrittenByOurs_IsReadByMsal_AsASilentCacheHit()
    {
        var ours = App();
        var fromOurs = await ours.AcquireTokenByUsernamePasswordAsync(new OurRequests.UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = Authority.DefaultUser.Username,
            Password = Authority.DefaultUser.Password,
        });
        var blob = ours.GetTokenCache().Serialize();
        var msal = Msal();
        msal.UserTokenCache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(Encoding.UTF8.GetBytes(blob)));

        var account = (await msal.GetAccountsAsync()).Single();
        var result = await msal.AcquireTokenSilent(Scopes, account).ExecuteAsync();

        account.HomeAccountId.Identifier.Should().Be(fromOurs.Account!.HomeAccountId);
        account.Username.Should().Be(Authority.DefaultUser.Username);
        result.AuthenticationResultMetadata.TokenSource.Should().Be(Microsoft.Identity.Client.TokenSource.Cache, $"ours wrote: {blob}");
        result.AccessToken.Should().Be(fromOurs.AccessToken);
    }

    [Test]
    public async Task RefreshTokenWrittenByOurs_IsRedeemedByMsal()
    {
        var ours = App();
        await ours.AcquireTokenByUsernamePasswordAsync(new OurRequests.UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = Authority.DefaultUser.Username,
            Password = Authority.DefaultUser.Password,
        });
        var blob = ours.GetTokenCache().Serialize();
        var msal = Msal();
        msal.UserTokenCache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(Encoding.UTF8.GetBytes(blob)));

        var account = (await msal.GetAccountsAsync()).Single();
        var result = await msal.AcquireTokenSilent(Scopes, account).WithForceRefresh(true).ExecuteAsync();

        result.AuthenticationResultMetadata.TokenSource.Should().Be(Microsoft.Identity.Client.TokenSource.IdentityProvider);
        Authority.RequestCount("refresh_token").Should().Be(1);
    }

    [Test]
    public async Task RefreshTokenTarget_SurvivesMsalAndBack()
    {
        var ours = App();
        var signIn = await ours.AcquireTokenByUsernamePasswordAsync(new OurRequests.UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = Authority.DefaultUser.Username,
            Password = Authority.DefaultUser.Password,
        });
        var blob = ours.GetTokenCache().Serialize();
        var msal = Msal();
        string? written = null;
        msal.UserTokenCache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(Encoding.UTF8.GetBytes(blob)));
        msal.UserTokenCache.SetAfterAccess(args => written = Encoding.UTF8.GetString(args.TokenCache.SerializeMsalV3()));

        var fromMsal = await msal.AcquireTokenSilent(Scopes, (await msal.GetAccountsAsync()).Single()).ExecuteAsync();
        var back = App();
        back.GetTokenCache().Deserialize(written!);
        var refreshed = await back.AcquireTokenSilentAsync(new OurRequests.SilentFlowRequest { Scopes = Scopes, Account = signIn.Account!, ForceRefresh = true });

        RefreshTokenTarget(blob).Should().Be("api://orders/read openid profile");
        fromMsal.AuthenticationResultMetadata.TokenSource.Should().Be(Microsoft.Identity.Client.TokenSource.Cache);
        RefreshTokenTarget(written!).Should().Be("api://orders/read openid profile", $"MSAL.NET wrote: {written}");
        refreshed.Source.Should().Be(Auth.Common.Responses.TokenSource.IdentityProvider);
        Authority.RequestCount("refresh_token").Should().Be(1);
    }

    [Test]
    public async Task OidcCacheWrittenByOurs_IsListedByMsal_WhichRefusesToRefreshUnderTheIssuerScopedId()
    {
        var ours = App(Auth.Common.Authority.ProtocolMode.Oidc);
        var fromOurs = await ours.AcquireTokenByUsernamePasswordAsync(new OurRequests.UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = Authority.DefaultUser.Username,
            Password = Authority.DefaultUser.Password,
        });
        var blob = ours.GetTokenCache().Serialize();
        var msal = OidcMsal();
        msal.UserTokenCache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(Encoding.UTF8.GetBytes(blob)));

        var account = (await msal.GetAccountsAsync()).Single();
        var refresh = () => msal.AcquireTokenSilent(Scopes, account).WithForceRefresh(true).ExecuteAsync();

        account.HomeAccountId.Identifier.Should().Be(fromOurs.Account!.HomeAccountId);
        account.Username.Should().Be(Authority.DefaultUser.Username);

        // MSAL.NET redeems the refresh token, derives the account id from the answer (client_info, else the bare sub) and
        // refuses to store tokens under an id other than the account's: the issuer-scoped id is Auth's own.
        (await refresh.Should().ThrowAsync<MsalClientException>()).Which.ErrorCode.Should().Be("user_mismatch");
        Authority.RequestCount("refresh_token").Should().Be(1);
    }

    [Test]
    public async Task OidcCacheWrittenByMsal_IsNotServedByOurs()
    {
        var msal = OidcMsal();
        string? blob = null;
        msal.UserTokenCache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                blob = Encoding.UTF8.GetString(args.TokenCache.SerializeMsalV3());
            }
        });
#pragma warning disable CS0618 // ROPC is obsolete in MSAL.NET; it is the simplest way to make MSAL sign a user in here.
        var fromMsal = await msal.AcquireTokenByUsernamePassword(Scopes, Authority.DefaultUser.Username, Authority.DefaultUser.Password).ExecuteAsync();
#pragma warning restore CS0618
        var ours = App(Auth.Common.Authority.ProtocolMode.Oidc);
        ours.GetTokenCache().Deserialize(blob!);
        var account = (await ours.GetTokenCache().GetAllAccountsAsync()).Single();
        var requestsBefore = Authority.TokenRequests.Count;

        var act = () => ours.AcquireTokenSilentAsync(new OurRequests.SilentFlowRequest { Scopes = Scopes, Account = account });

        account.HomeAccountId.Should().Be(fromMsal.Account.HomeAccountId.Identifier, "MSAL.NET's id (the bare sub, or uid.utid from client_info) names no issuer");
        (await act.Should().ThrowAsync<Auth.Common.Errors.InteractionRequiredException>()).Which.Code.Should().Be(Auth.Common.Errors.AuthErrorCodes.NoTokensFound);
        Authority.TokenRequests.Count.Should().Be(requestsBefore, "its refresh token is sent nowhere");
    }

    private IPublicClientApplication OidcMsal() => PublicClientApplicationBuilder.Create(ClientId)
        .WithExperimentalFeatures() // MSAL.NET 4.92 marks WithOidcAuthority experimental on public clients.
        .WithOidcAuthority(Authority.Issuer)
        .WithHttpClientFactory(new FixedHttpClientFactory(Authority.CreateHttpClient()))
        .Build();

    private static string? RefreshTokenTarget(string cache)
    {
        using var json = System.Text.Json.JsonDocument.Parse(cache);
        var refreshToken = json.RootElement.GetProperty("RefreshToken").EnumerateObject().Single().Value;
        return refreshToken.TryGetProperty("target", out var target) ? target.GetString() : null;
    }

    private sealed class FixedHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
