using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>The app drives the auth-code flow itself: URL, redirect, redemption.</summary>
[TestFixture]
public sealed class AuthCodeTests : PublicClientFixture
{
    private static readonly Uri Redirect = new("http://127.0.0.1:8400/");

    [Test]
    public async Task Code_RedeemedWithVerifierStateAndNonce_SignsIn()
    {
        var app = App();
        var pkce = PkceCodes.Create();
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect, CodeChallenge = pkce.Challenge, State = "st", Nonce = "nn" });
        var redirect = System.Web.HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query);

        var result = await app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = pkce.Verifier,
            State = "st",
            ReturnedState = redirect["state"],
            Nonce = "nn",
        });

        result.State.Should().Be("st");
        result.IdTokenClaims!["nonce"].Should().Be("nn");
        result.Account!.Username.Should().Be(Authority.DefaultUser.Username);
    }

    [Test]
    public async Task Code_RedeemedWithWhatTheLibraryMade_SignsIn()
    {
        var app = App();
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        var redirect = System.Web.HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query);

        var result = await app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = url.CodeVerifier,
            State = url.State,
            ReturnedState = redirect["state"],
            Nonce = url.Nonce,
        });

        result.IdTokenClaims!["nonce"].Should().Be(url.Nonce);
        Authority.TokenRequests.Single().Form["code_verifier"].Should().Be(url.CodeVerifier);
    }

    // Before: a redemption without the state it sent, or without the verifier, went ahead unchecked.
    [TestCase(true, false, AuthErrorCodes.StateMissing)]
    [TestCase(false, true, AuthErrorCodes.PkceMissing)]
    public async Task Code_RedeemedWithoutStateOrVerifier_IsRefusedAndNotSent(bool dropState, bool dropVerifier, string code)
    {
        var app = App();
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        var redirect = System.Web.HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query);

        var act = () => app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = dropVerifier ? null : url.CodeVerifier,
            State = dropState ? null : url.State,
            ReturnedState = redirect["state"],
            Nonce = url.Nonce,
        });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(code);
        Authority.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task Code_WrongVerifier_IsInvalidGrant()
    {
        var app = App();
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect, CodeChallenge = PkceCodes.Create().Challenge });
        var code = System.Web.HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query)["code"]!;

        var act = () => app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = code,
            CodeVerifier = PkceCodes.Create().Verifier,
            State = url.State,
            ReturnedState = url.State,
        });

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be("invalid_grant");
    }
}
