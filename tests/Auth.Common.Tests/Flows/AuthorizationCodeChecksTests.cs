using Auth.Common.Errors;
using Auth.Common.Grants.AuthorizationCode;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

/// <summary>What a redemption requires by default (state, PKCE or nonce, RFC 9207 issuer) and what each named opt-out lifts.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AuthorizationCodeChecksTests
{
    private const string Issuer = "https://login.example.com/tid-1/v2.0";
    private static readonly Uri Redirect = new("https://app.example.com/signin-callback");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;

    public AuthorizationCodeChecksTests() => _server = new UserTokenServer(_time);

    private static AuthorizationCodeRequest Complete => new()
    {
        Scopes = ["api://x/read"],
        RedirectUri = Redirect,
        Code = "code-1",
        CodeVerifier = "v",
        State = "s",
        ReturnedState = "s",
        Nonce = "n1",
    };

    private static string Metadata(bool advertisesIssuer, string issuer = Issuer) =>
        $$"""{"issuer":"{{issuer}}","token_endpoint":"https://login.example.com/tenant1/oauth2/v2.0/token","authorization_response_iss_parameter_supported":{{(advertisesIssuer ? "true" : "false")}}}""";

    private Task<Responses.AuthenticationResult> RedeemAsync(AuthorizationCodeRequest request, bool confidential = false, string? metadata = null)
    {
        _server.Scripted.Enqueue((200, _server.Success(nonce: request.Nonce)));
        var runtime = TestRuntime.Create(_server.Network, _time, authenticator: confidential ? new FakeAuthenticator() : null, metadataJson: metadata);
        return new AuthorizationCodeFlow(new UserTokenExchange(runtime)).AcquireAsync(request, CancellationToken.None);
    }

    private async Task ShouldRefuseAsync(Func<Task> act, string code)
    {
        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(code);
        _server.TokenRequests.Should().Be(0, "the code must not be redeemed");
    }

    [Test]
    public async Task Redeem_EverythingKept_SignsIn()
    {
        var result = await RedeemAsync(Complete);

        result.Account.Should().NotBeNull();
    }

    [TestCase(null, "s")]
    [TestCase("s", null)]
    [TestCase(null, null)]
    [TestCase("", "")]
    public async Task Redeem_StateNotPassed_IsStateMissing(string? sent, string? returned)
    {
        await ShouldRefuseAsync(() => RedeemAsync(Complete with { State = sent, ReturnedState = returned }), AuthErrorCodes.StateMissing);
    }

    [Test]
    public async Task Redeem_SkipStateCheck_RedeemsWithoutState()
    {
        var result = await RedeemAsync(Complete with { State = null, ReturnedState = null, SkipStateCheck = true });

        result.Account.Should().NotBeNull();
    }

    [Test]
    public async Task Redeem_SkipStateCheckWithAStateSent_StillComparesIt()
    {
        await ShouldRefuseAsync(() => RedeemAsync(Complete with { ReturnedState = "forged", SkipStateCheck = true }), AuthErrorCodes.StateMismatch);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Redeem_NeitherVerifierNorNonce_IsPkceMissing(bool confidential)
    {
        await ShouldRefuseAsync(() => RedeemAsync(Complete with { CodeVerifier = null, Nonce = null }, confidential), AuthErrorCodes.PkceMissing);
    }

    [Test]
    public async Task Redeem_PublicClientWithNonceButNoVerifier_IsPkceMissing()
    {
        await ShouldRefuseAsync(() => RedeemAsync(Complete with { CodeVerifier = null }), AuthErrorCodes.PkceMissing);
    }

    [Test]
    public async Task Redeem_ConfidentialClientWithNonceButNoVerifier_SignsIn()
    {
        var result = await RedeemAsync(Complete with { CodeVerifier = null }, confidential: true);

        result.IdTokenClaims!["nonce"].Should().Be("n1");
        _server.Network.Requests.Single().Form!.Select(f => f.Key).Should().NotContain("code_verifier");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Redeem_SkipPkceAndNonceCheck_RedeemsWithNeither(bool confidential)
    {
        var result = await RedeemAsync(Complete with { CodeVerifier = null, Nonce = null, SkipPkceAndNonceCheck = true }, confidential);

        result.Account.Should().NotBeNull();
    }

    [Test]
    public async Task Redeem_AdvertisedIssuerNotPassed_IsIssuerMissing()
    {
        await ShouldRefuseAsync(() => RedeemAsync(Complete, metadata: Metadata(advertisesIssuer: true)), AuthErrorCodes.AuthorizationResponseIssuerMissing);
    }

    [TestCase(true, "https://evil.example.com/tid-1/v2.0")]
    [TestCase(true, "https://login.example.com/tid-1/v2.0/")]
    [TestCase(false, "https://evil.example.com/tid-1/v2.0")]
    public async Task Redeem_AnotherIssuerReturned_IsIssuerMismatch(bool advertised, string returned)
    {
        await ShouldRefuseAsync(
            () => RedeemAsync(Complete with { ReturnedIssuer = returned }, metadata: Metadata(advertised)),
            AuthErrorCodes.AuthorizationResponseIssuerMismatch);
    }

    [Test]
    public async Task Redeem_AdvertisedIssuerReturned_SignsIn()
    {
        var result = await RedeemAsync(Complete with { ReturnedIssuer = Issuer }, metadata: Metadata(advertisesIssuer: true));

        result.Account.Should().NotBeNull();
    }

    [Test]
    public async Task Redeem_IssuerReturnedByAnAuthorityWithATemplatedIssuer_IsNotCompared()
    {
        var result = await RedeemAsync(Complete with { ReturnedIssuer = "https://login.example.com/tid-1/v2.0" }, metadata: Metadata(false, "https://login.example.com/{tenantid}/v2.0"));

        result.Account.Should().NotBeNull();
    }

    [Test]
    public async Task Redeem_IssuerNotAdvertisedAndNotReturned_SignsIn()
    {
        var result = await RedeemAsync(Complete, metadata: Metadata(advertisesIssuer: false));

        result.Account.Should().NotBeNull();
    }
}
