using System.Net;
using System.Text.RegularExpressions;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.IntegrationTests.Authorities;
using Auth.Server;
using Auth.Testing;

namespace Auth.IntegrationTests.B2C;

/// <summary>
/// Azure AD B2C user flows over real HTTP against the fake playing a tenant (<see cref="FakeAuthority.AddB2C"/>): an
/// account per policy and silent requests that stay in the policy's account, the "Forgot your password?" and Cancel
/// redirects and the token endpoint's B2C errors as typed codes, and an unknown policy.
/// </summary>
[TestFixture]
public sealed partial class B2CUserFlowTests : AuthorityFixture
{
    private static readonly Uri RedirectUri = new("http://127.0.0.1:5999/signin-callback");

    private FakeB2CTenant _tenant = null!;

    [SetUp]
    public void AddTenant() => _tenant = Authority.AddB2C("fabrikam");

    [TestCase(true)]
    [TestCase(false)]
    public async Task AuthCode_EachPolicy_KeepsItsOwnAccountAndTokens(bool tfp)
    {
        var app = App(Form(_tenant.SignUpSignInPolicy, tfp));

        var signIn = await SignInAsync(app, _tenant.SignUpSignInPolicy, tfp);
        var edited = await SignInAsync(app, _tenant.EditProfilePolicy, tfp);
        var ofSignIn = await app.GetTokenCache().GetAccountsByPolicyAsync(_tenant.SignUpSignInPolicy);

        var oid = Authority.DefaultUser.ObjectId;
        signIn.Account!.HomeAccountId.Should().Be($"{oid}-b2c_1_signupsignin.{Authority.TenantId}");
        signIn.Account.B2CPolicy.Should().Be("b2c_1_signupsignin");
        signIn.IdTokenClaims!["tfp"].Should().BeEquivalentTo(_tenant.SignUpSignInPolicy);
        edited.Account!.HomeAccountId.Should().Be($"{oid}-b2c_1_profileediting.{Authority.TenantId}");
        edited.IdTokenClaims!["tfp"].Should().BeEquivalentTo(_tenant.EditProfilePolicy);
        ofSignIn.Select(a => a.HomeAccountId).Should().Equal(signIn.Account.HomeAccountId);
        (await app.GetTokenCache().GetAllAccountsAsync()).Should().HaveCount(2);
    }

    [Test]
    public async Task Silent_AtAPolicysAuthority_UsesThatPolicysAccountWhicheverAccountIsPassed()
    {
        var app = App(_tenant.AuthorityFor(_tenant.SignUpSignInPolicy));
        var signIn = await SignInAsync(app, _tenant.SignUpSignInPolicy);
        var edited = await SignInAsync(app, _tenant.EditProfilePolicy);

        var atEdit = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = signIn.Account!, Authority = _tenant.AuthorityFor(_tenant.EditProfilePolicy) });
        var atSignIn = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = edited.Account!, Authority = _tenant.AuthorityFor(_tenant.SignUpSignInPolicy) });
        var atReset = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = signIn.Account!, Authority = _tenant.AuthorityFor(_tenant.PasswordResetPolicy) });

        atEdit.Source.Should().Be(TokenSource.Cache);
        atEdit.AccessToken.Should().Be(edited.AccessToken);
        atEdit.Account!.HomeAccountId.Should().Be(edited.Account!.HomeAccountId);
        atSignIn.AccessToken.Should().Be(signIn.AccessToken);
        atSignIn.Account!.HomeAccountId.Should().Be(signIn.Account!.HomeAccountId);
        (await atReset.Should().ThrowAsync<InteractionRequiredException>()).Which.Code.Should().Be(AuthErrorCodes.NoTokensFound);
        Authority.RequestCount("refresh_token").Should().Be(0, "no policy's refresh token is sent to another policy");
    }

    [Test]
    public async Task ForgotPasswordLink_RedirectsAadb2c90118_TypedPasswordResetRequested()
    {
        var app = App(_tenant.AuthorityFor(_tenant.SignUpSignInPolicy));
        var url = await AuthorizationUrlAsync(app, _tenant.SignUpSignInPolicy);
        using var browser = Browser();
        var page = await browser.GetStringAsync(url.Url);
        var forgot = new Uri(url.Url, WebUtility.HtmlDecode(ForgotLink().Match(page).Groups[1].Value));

        var redirect = await RedirectAsync(browser, new HttpRequestMessage(HttpMethod.Get, forgot));
        var act = () => RedeemAsync(app, url, redirect, Form(_tenant.SignUpSignInPolicy));

        var thrown = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        thrown.Code.Should().Be(AuthErrorCodes.B2CPasswordResetRequested);
        thrown.Error.Should().Be("access_denied");
        thrown.ErrorDescription.Should().StartWith("AADB2C90118:");
        Authority.RequestCount("authorization_code").Should().Be(0);
    }

    [Test]
    public async Task CancelOnTheEditProfilePage_RedirectsAadb2c90091_TypedUserCancelled()
    {
        var app = App(_tenant.AuthorityFor(_tenant.SignUpSignInPolicy));
        var url = await AuthorizationUrlAsync(app, _tenant.EditProfilePolicy);
        using var browser = Browser();
        var cancel = new HttpRequestMessage(HttpMethod.Post, url.Url) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "cancel" }) };

        var redirect = await RedirectAsync(browser, cancel);
        var act = () => RedeemAsync(app, url, redirect, Form(_tenant.EditProfilePolicy));

        var thrown = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        thrown.Code.Should().Be(AuthErrorCodes.B2CUserCancelled);
        thrown.ErrorDescription.Should().StartWith("AADB2C90091:");
    }

    [Test]
    public async Task ErrorRedirect_WithAForeignState_IsRefusedBeforeItsError()
    {
        var app = App(_tenant.AuthorityFor(_tenant.SignUpSignInPolicy));
        var url = await AuthorizationUrlAsync(app, _tenant.SignUpSignInPolicy);
        var redirect = new Dictionary<string, string> { ["error"] = "access_denied", ["error_description"] = "AADB2C90118: The user has forgotten their password.", ["state"] = "forged" };

        var act = () => RedeemAsync(app, url, redirect, Form(_tenant.SignUpSignInPolicy));

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.StateMismatch);
    }

    [TestCase("AADB2C90118: The user has forgotten their password.", AuthErrorCodes.B2CPasswordResetRequested)]
    [TestCase("AADB2C90091: The user has cancelled entering self-asserted information.", AuthErrorCodes.B2CUserCancelled)]
    public async Task TokenEndpointB2CError_IsTyped(string description, string code)
    {
        var app = App(_tenant.AuthorityFor(_tenant.SignUpSignInPolicy));
        Authority.EnqueueTokenResponse(FakeTokenResponse.Custom(400, $"{{\"error\":\"access_denied\",\"error_description\":\"{description}\"}}"));

        var act = () => SignInAsync(app);

        var thrown = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        thrown.Should().NotBeOfType<InteractionRequiredException>();
        thrown.Code.Should().Be(code);
        thrown.Error.Should().Be("access_denied");
    }

    [Test]
    public async Task UnknownPolicy_IsTypedB2CPolicyNotFound()
    {
        var app = App(_tenant.AuthorityFor(_tenant.SignUpSignInPolicy));

        var act = () => app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = UserScopes, RedirectUri = RedirectUri, Authority = _tenant.AuthorityFor("B2C_1_nope") });

        var thrown = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        thrown.Code.Should().Be(AuthErrorCodes.B2CPolicyNotFound);
        thrown.Message.Should().Contain("B2C_1_nope");
    }

    private string Form(string policy, bool tfp = true) =>
        tfp ? _tenant.AuthorityFor(policy) : _tenant.AuthorityFor(policy).Replace("/tfp/", "/", StringComparison.Ordinal);

    private Task<AuthorizationUrl> AuthorizationUrlAsync(ConfidentialClientApplication app, string policy, bool tfp = true) =>
        app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = UserScopes, RedirectUri = RedirectUri, Authority = Form(policy, tfp) });

    /// <summary>Signs the fake's signed-in user in at <paramref name="policy"/>: the authorize endpoint answers an HTTP client without a page.</summary>
    private async Task<AuthenticationResult> SignInAsync(ConfidentialClientApplication app, string policy, bool tfp = true)
    {
        var url = await AuthorizationUrlAsync(app, policy, tfp);
        using var client = Authority.CreateHttpClient();
        var redirect = await RedirectAsync(client, new HttpRequestMessage(HttpMethod.Get, url.Url));
        return await RedeemAsync(app, url, redirect, Form(policy, tfp));
    }

    private static Task<AuthenticationResult> RedeemAsync(ConfidentialClientApplication app, AuthorizationUrl url, Dictionary<string, string> redirect, string authority) =>
        app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = UserScopes,
            RedirectUri = RedirectUri,
            Code = redirect.GetValueOrDefault("code") ?? string.Empty,
            State = url.State,
            ReturnedState = redirect.GetValueOrDefault("state"),
            ReturnedError = redirect.GetValueOrDefault("error"),
            ReturnedErrorDescription = redirect.GetValueOrDefault("error_description"),
            CodeVerifier = url.CodeVerifier,
            Nonce = url.Nonce,
            Authority = authority,
        });

    /// <summary>A client that looks like a person's browser to the fake (it asks for HTML, so pages are shown).</summary>
    private HttpClient Browser()
    {
        var client = Authority.CreateHttpClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    /// <summary>Sends the request and returns the query of the redirect to the app.</summary>
    private static async Task<Dictionary<string, string>> RedirectAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            var location = response.Headers.Location!;
            location.GetLeftPart(UriPartial.Path).Should().Be(RedirectUri.AbsoluteUri);
            return location.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty), StringComparer.Ordinal);
        }
    }

    [GeneratedRegex("id=\"forgotPassword\" href=\"([^\"]+)\"")]
    private static partial Regex ForgotLink();
}
