using System.Net;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityConcurrencyTests
{
    [Test]
    public async Task TokenEndpoint_ParallelRequests_CountsEveryOneAndBoundsTheCapture()
    {
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false, MaxCapturedTokenRequests = 50 });
        authority.RegisterClient("parallel", "s");
        authority.EnqueueTokenResponse(FakeTokenResponse.ServerError());
        using var http = authority.CreateHttpClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
        {
            var form = TokenClient.ClientCredentials("parallel");
            form["client_secret"] = "s";
            return TokenClient.PostAsync(http, authority, form);
        }));

        authority.RequestCount("client_credentials").Should().Be(200);
        authority.TokenRequests.Should().HaveCount(50);
        responses.Count(r => r.StatusCode == HttpStatusCode.InternalServerError).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(199);
    }
}
