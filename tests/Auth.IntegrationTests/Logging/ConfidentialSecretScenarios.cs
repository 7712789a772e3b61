using System.Web;
using Auth.Common.Requests;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Testing;

namespace Auth.IntegrationTests.Logging;

/// <summary>The confidential client's flows of the secrets matrix, each with a success and a failure path.</summary>
internal static class ConfidentialSecretScenarios
{
    private const string WrongSecret = "wr0ng-cl1ent-s3cret-also-never-logged";
    private static readonly string[] AppScopes = ["api://orders/.default"];

    public static async Task ClientSecretAsync(SecretsWorld world, bool fail)
    {
        var credential = ClientCredential.FromSecret(fail ? WrongSecret : SecretsWorld.Secret);
        world.Known(SecretKind.ClientSecret, SecretsWorld.Secret);
        world.Known(SecretKind.ClientSecret, WrongSecret);
        world.Show(nameof(ClientCredential), credential);
        await ClientCredentialsAsync(world, world.ConfidentialApp(credential), fail);
    }

    public static async Task CertificateAsync(SecretsWorld world, bool fail)
    {
        var credential = ClientCredential.FromCertificate(fail ? TestCertificates.Other : TestCertificates.Client);
        world.Show(nameof(ClientCredential), credential);
        await ClientCredentialsAsync(world, world.ConfidentialApp(credential), fail);
    }

    public static async Task AssertionAsync(SecretsWorld world, bool fail)
    {
        var assertion = ClientAssertions.Create(
            TestCertificates.Client, SecretsWorld.ConfidentialId, world.Authority.TokenEndpoint.AbsoluteUri, signedBy: fail ? TestCertificates.Other : null);
        world.Known(SecretKind.ClientAssertion, assertion);
        var credential = ClientCredential.FromAssertion(assertion);
        world.Show(nameof(ClientCredential), credential);
        await ClientCredentialsAsync(world, world.ConfidentialApp(credential), fail);
    }

    public static async Task AuthCodeAsync(SecretsWorld world, bool fail)
    {
        var app = world.ConfidentialApp(ClientCredential.FromSecret(SecretsWorld.Secret));
        await AuthCodeWithPkceAsync(world, app, fail, spa: true);
    }

    /// <summary>
    /// The auth-code flow with PKCE, for either kind of app (a confidential one asks for a SPA code too); the failure redeems
    /// the code with another verifier.
    /// </summary>
    public static async Task AuthCodeWithPkceAsync(SecretsWorld world, ClientApplication app, bool fail, bool spa = false)
    {
        var pkce = PkceCodes.Create();
        var wrong = PkceCodes.Create();
        world.Known(SecretKind.CodeVerifier, pkce.Verifier);
        world.Known(SecretKind.CodeVerifier, wrong.Verifier);
        world.Show(nameof(PkceCodes), pkce);
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest
        {
            Scopes = SecretsWorld.UserScopes,
            RedirectUri = SecretsWorld.Redirect,
            CodeChallenge = pkce.Challenge,
            State = "st",
            Nonce = "nn",
        });
        var redirect = HttpUtility.ParseQueryString((await world.AuthorizeAsync(url)).Query);
        var request = new AuthorizationCodeRequest
        {
            Scopes = SecretsWorld.UserScopes,
            RedirectUri = SecretsWorld.Redirect,
            Code = redirect["code"]!,
            CodeVerifier = fail ? wrong.Verifier : pkce.Verifier,
            State = "st",
            ReturnedState = redirect["state"],
            Nonce = "nn",
            EnableSpaAuthorizationCode = spa,
        };

        if (fail)
        {
            await world.FailAsync(request, () => app.AcquireTokenByCodeAsync(request));
            return;
        }

        var result = await world.SucceedAsync(request, () => app.AcquireTokenByCodeAsync(request));
        var silent = new SilentFlowRequest { Scopes = SecretsWorld.UserScopes, Account = result.Account! };
        await world.SucceedAsync(silent, () => app.AcquireTokenSilentAsync(silent));
    }

    public static async Task OnBehalfOfAsync(SecretsWorld world, bool fail)
    {
        var api = world.ConfidentialApp(ClientCredential.FromSecret(SecretsWorld.Secret));
        var audience = fail ? "some-other-api" : SecretsWorld.ConfidentialId;
        var incoming = world.Authority.IssueUserAccessToken(world.Authority.DefaultUser, audience, [$"api://{audience}/access_as_user"]);
        world.Known(SecretKind.OboAssertion, incoming);
        var request = new OnBehalfOfRequest { Scopes = ["api://downstream/read"], OboAssertion = incoming };

        if (fail)
        {
            await world.FailAsync(request, () => api.AcquireTokenOnBehalfOfAsync(request));
            return;
        }

        await world.SucceedAsync(request, () => api.AcquireTokenOnBehalfOfAsync(request));
        await world.SucceedAsync(request, () => api.AcquireTokenOnBehalfOfAsync(request));
    }

    private static async Task ClientCredentialsAsync(SecretsWorld world, ConfidentialClientApplication app, bool fail)
    {
        var request = new ClientCredentialRequest { Scopes = AppScopes };
        if (fail)
        {
            await world.FailAsync(request, () => app.AcquireTokenByClientCredentialAsync(request));
            return;
        }

        await world.SucceedAsync(request, () => app.AcquireTokenByClientCredentialAsync(request));
        await world.SucceedAsync(request, () => app.AcquireTokenByClientCredentialAsync(request));
        world.Authority.EnqueueTokenResponse(FakeTokenResponse.InvalidClient());
        await world.FailAsync(request, () => app.AcquireTokenByClientCredentialAsync(request with { SkipCache = true }));
    }
}
