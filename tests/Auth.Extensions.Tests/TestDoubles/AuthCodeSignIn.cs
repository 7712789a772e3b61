using System.Web;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Testing;

namespace Auth.Extensions.Tests.TestDoubles;

/// <summary>Signs a user in to a web app with the auth code flow, playing the browser against a <see cref="FakeAuthority"/>.</summary>
internal static class AuthCodeSignIn
{
    public static readonly IReadOnlyList<string> Scopes = ["api://orders/read"];
    private static readonly Uri Redirect = new("http://localhost:5000/signin-callback");

    /// <summary>Signs in the user the authority signs in (<see cref="FakeAuthority.SignInAs"/>) and redeems the code.</summary>
    public static async Task<AuthenticationResult> SignInAsync(FakeAuthority authority, ConfidentialClientApplication app)
    {
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        using var browser = authority.CreateHttpClient();
        using var response = await browser.GetAsync(url);
        var redirect = HttpUtility.ParseQueryString(response.Headers.Location?.Query ?? throw new AssertionException($"authorize answered {(int)response.StatusCode} without a redirect"));
        return await app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = url.CodeVerifier,
            State = url.State,
            ReturnedState = redirect["state"],
            Nonce = url.Nonce,
        });
    }
}
