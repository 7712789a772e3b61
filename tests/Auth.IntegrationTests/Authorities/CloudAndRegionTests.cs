using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Authorities;

/// <summary>Cloud aliases, instance discovery, regional endpoints, throttling and telemetry against Entra-shaped hosts.</summary>
[TestFixture]
public sealed class CloudAndRegionTests : AuthorityFixture
{
    [Test]
    public async Task Aliases_CacheWrittenUnderOneHost_ServesTheOthers()
    {
        var writer = App(Authority.AuthorityFor("login.microsoftonline.com"));
        var user = await SignInAsync(writer);
        await writer.AcquireTokenByClientCredentialAsync(AppRequest);
        var cache = writer.GetTokenCache().Serialize();
        var reader = App(Authority.AuthorityFor("login.windows.net"));

        reader.GetTokenCache().Deserialize(cache);
        var app = await reader.AcquireTokenByClientCredentialAsync(AppRequest);
        var silent = await reader.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = user.Account! });

        cache.Should().Contain("\"environment\":\"login.windows.net\"", "Entra's preferred cache host is login.windows.net");
        app.Source.Should().Be(TokenSource.Cache);
        silent.Source.Should().Be(TokenSource.Cache);
        Authority.InstanceDiscoveryRequestCount.Should().Be(0, "the public cloud is known without discovery");
    }

    [Test]
    public async Task Discovery_UnknownHost_IsRefusedAsInvalidInstance()
    {
        var act = () => App(Authority.AuthorityFor("unknown.example.com")).AcquireTokenByClientCredentialAsync(AppRequest);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidInstance);
        Authority.InstanceDiscoveryRequestCount.Should().Be(1);
        Authority.RequestCount("client_credentials").Should().Be(0);
    }

    [Test]
    public async Task Regional_GoesToTheRegion()
    {
        var result = await App(Authority.AuthorityFor("login.microsoftonline.com")).AcquireTokenByClientCredentialAsync(AppRequest with { AzureRegion = "westus" });

        result.AccessToken.Should().NotBeNullOrEmpty();
        Authority.RegionalRequestCount.Should().Be(1);
        Authority.TokenRequests.Single().Host.Should().Be("westus.login.microsoft.com");
    }

    [TestCase(FakeRegionalFailure.ServerError)]
    [TestCase(FakeRegionalFailure.Unreachable)]
    public async Task Regional_Failure_FallsBackToGlobal(FakeRegionalFailure failure)
    {
        Authority.RegionalFailure = failure;

        var result = await App(Authority.AuthorityFor("login.microsoftonline.com")).AcquireTokenByClientCredentialAsync(AppRequest with { AzureRegion = "westus" });

        result.AccessToken.Should().NotBeNullOrEmpty();
        Authority.TokenRequests[^1].Host.Should().Be("login.microsoftonline.com");
    }

    [Test]
    public async Task Throttling_RepeatFailsFastUntilRetryAfterPasses()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(Authority.AuthorityFor("login.microsoftonline.com"), time: time);
        Authority.EnqueueTokenResponse(FakeTokenResponse.Throttled(TimeSpan.FromSeconds(60)));

        await FluentActions.Awaiting(() => app.AcquireTokenByClientCredentialAsync(AppRequest)).Should().ThrowAsync<AuthServiceException>();
        var repeat = await FluentActions.Awaiting(() => app.AcquireTokenByClientCredentialAsync(AppRequest)).Should().ThrowAsync<AuthServiceException>();
        var sentWhileThrottled = Authority.RequestCount("client_credentials");
        time.Advance(TimeSpan.FromSeconds(61));
        var after = await app.AcquireTokenByClientCredentialAsync(AppRequest);

        repeat.Which.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        repeat.Which.RetryAfter.Should().BeCloseTo(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        sentWhileThrottled.Should().Be(1);
        after.Source.Should().Be(TokenSource.IdentityProvider);
        Authority.RequestCount("client_credentials").Should().Be(2);
    }

    [Test]
    public async Task Telemetry_EntraRequestsCarryLibraryAndServerTelemetryHeaders()
    {
        var app = App(Authority.AuthorityFor("login.microsoftonline.com"));
        Authority.EnqueueTokenResponse(FakeTokenResponse.InvalidScope());
        var failed = Guid.NewGuid();

        await FluentActions.Awaiting(() => app.AcquireTokenByClientCredentialAsync(AppRequest with { CorrelationId = failed })).Should().ThrowAsync<AuthServiceException>();
        await app.AcquireTokenByClientCredentialAsync(AppRequest);

        var headers = Authority.TokenRequests[^1].Headers;
        headers["x-client-SKU"].Should().Be("Auth.Server");
        headers["x-client-VER"].Should().MatchRegex(@"^\d+\.\d+\.\d+");
        headers["x-client-OS"].Should().NotBeNullOrEmpty();
        headers["x-client-current-telemetry"].Should().Be("5|771,2,,,|");
        headers["x-client-last-telemetry"].Should().Be($"5|0|771,{failed}|invalid_scope|");
        headers.Should().ContainKey("client-request-id");
    }

    [Test]
    public async Task SubError_FromTheAuthority_ClassifiesTheInteraction()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(Authority.AuthorityFor("login.microsoftonline.com"), time: time);
        var user = await SignInAsync(app);
        time.Advance(TimeSpan.FromHours(1));
        Authority.EnqueueTokenResponse(FakeTokenResponse.Custom(400, """
            {"error":"invalid_grant","error_description":"AADSTS50076: MFA required.","error_codes":[50076],"suberror":"basic_action","trace_id":"t-1","timestamp":"2026-11-24 12:00:00Z"}
            """));

        var act = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = user.Account! });

        var error = (await act.Should().ThrowAsync<InteractionRequiredException>()).Which;
        error.Classification.Should().Be("basic_action");
        error.ErrorCodes.Should().Equal(50076);
        error.TraceId.Should().Be("t-1");
    }
}
