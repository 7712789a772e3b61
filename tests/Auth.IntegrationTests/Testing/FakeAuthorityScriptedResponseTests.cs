using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityScriptedResponseTests : FakeAuthorityFixture
{
    protected override FakeAuthorityOptions Options => new() { UseHttps = false };

    [SetUp]
    public void RegisterClient() => Authority.RegisterClient("scripted", "s");

    [Test]
    public async Task Throttled_Enqueued_Returns429WithRetryAfterOnceThenNormal()
    {
        Authority.EnqueueTokenResponse(FakeTokenResponse.Throttled(TimeSpan.FromSeconds(6.2)));

        var throttled = await PostAsync();
        var next = await PostAsync();

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        var json = await TokenClient.JsonAsync(throttled);
        json.GetProperty("error").GetString().Should().Be("temporarily_unavailable");
        json.GetProperty("error_codes")[0].GetInt32().Should().Be(50196);
        next.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ServerError_Enqueued_Returns500OnceThenNormal()
    {
        Authority.EnqueueTokenResponse(FakeTokenResponse.ServerError());

        var failed = await PostAsync();
        var next = await PostAsync();

        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await TokenClient.JsonAsync(failed)).GetProperty("error").GetString().Should().Be("server_error");
        next.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ServiceUnavailable_WithRetryAfter_Returns503WithHeader()
    {
        Authority.EnqueueTokenResponse(FakeTokenResponse.ServiceUnavailable(TimeSpan.FromSeconds(3)));

        var failed = await PostAsync();

        failed.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        failed.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(3));
        (await TokenClient.JsonAsync(failed)).GetProperty("error_codes")[0].GetInt32().Should().Be(90033);
    }

    [Test]
    public async Task MalformedJson_Enqueued_Returns200WithUnparseableBodyOnceThenNormal()
    {
        Authority.EnqueueTokenResponse(FakeTokenResponse.MalformedJson());

        var malformed = await PostAsync();
        var next = await PostAsync();

        malformed.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await malformed.Content.ReadAsStringAsync();
        var parse = () => JsonDocument.Parse(body);
        parse.Should().Throw<JsonException>();
        (await TokenClient.JsonAsync(next)).GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Slow_Enqueued_AnswersNormallyAfterTheDelayOnce()
    {
        Authority.EnqueueTokenResponse(FakeTokenResponse.Slow(TimeSpan.FromMilliseconds(400)));
        var stopwatch = Stopwatch.StartNew();

        var slow = await PostAsync();
        var slowElapsed = stopwatch.Elapsed;
        stopwatch.Restart();
        var next = await PostAsync();

        slow.StatusCode.Should().Be(HttpStatusCode.OK);
        slowElapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
        next.StatusCode.Should().Be(HttpStatusCode.OK);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(380));
    }

    [Test]
    public async Task EnqueueTokenResponse_Several_AreServedInOrderThenNormal()
    {
        Authority.EnqueueTokenResponse(FakeTokenResponse.InvalidGrant());
        Authority.EnqueueTokenResponse(FakeTokenResponse.InteractionRequired());
        Authority.EnqueueTokenResponse(FakeTokenResponse.InvalidScope());
        Authority.EnqueueTokenResponse(FakeTokenResponse.InvalidClient());

        var errors = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            errors.Add((await TokenClient.JsonAsync(await PostAsync())).GetProperty("error").GetString());
        }

        var next = await PostAsync();

        errors.Should().Equal("invalid_grant", "interaction_required", "invalid_scope", "invalid_client");
        next.StatusCode.Should().Be(HttpStatusCode.OK);
        Authority.RequestCount("client_credentials").Should().Be(5);
    }

    [Test]
    public async Task Custom_Enqueued_ReturnsStatusBodyContentTypeAndHeadersVerbatim()
    {
        var headers = new Dictionary<string, string> { ["x-custom"] = "yes" };
        Authority.EnqueueTokenResponse(FakeTokenResponse.Custom(418, "<teapot/>", "application/xml", headers));

        var response = await PostAsync();

        ((int)response.StatusCode).Should().Be(418);
        (await response.Content.ReadAsStringAsync()).Should().Be("<teapot/>");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        response.Headers.GetValues("x-custom").Should().Equal("yes");
    }

    private Task<HttpResponseMessage> PostAsync()
    {
        var form = TokenClient.ClientCredentials("scripted");
        form["client_secret"] = "s";
        return TokenClient.PostAsync(Http, Authority, form);
    }
}
