using System.Net;
using System.Net.Sockets;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityRegionalTests : VirtualHostFixture
{
    private string RegionalToken => $"https://{Regional}/{Authority.TenantId}/oauth2/v2.0/token";

    [Test]
    public async Task Regional_ClientCredentials_BehavesLikeTheGlobalEndpoint()
    {
        var (status, json) = await PostJsonAsync(RegionalToken, ClientCredentials());

        status.Should().Be(HttpStatusCode.OK);
        JwtInspector.Payload(json.GetProperty("access_token").GetString()!).GetProperty("iss").GetString()
            .Should().Be($"https://{Regional}/{Authority.TenantId}/v2.0");
        Authority.RegionalRequestCount.Should().Be(1);
        Authority.TokenRequests.Single().Host.Should().Be(Regional);
    }

    [Test]
    public async Task Global_Request_IsNotCountedAsRegional()
    {
        var (status, _) = await PostJsonAsync(Authority.AuthorityFor(Public) + "/oauth2/v2.0/token", ClientCredentials());

        status.Should().Be(HttpStatusCode.OK);
        Authority.RegionalRequestCount.Should().Be(0);
    }

    [Test]
    public async Task RegionalFailure_ServerError_Answers500WhileGlobalStillWorks()
    {
        Authority.RegionalFailure = FakeRegionalFailure.ServerError;

        var (status, json) = await PostJsonAsync(RegionalToken, ClientCredentials());
        var (globalStatus, _) = await PostJsonAsync(Authority.AuthorityFor(Public) + "/oauth2/v2.0/token", ClientCredentials());

        status.Should().Be(HttpStatusCode.InternalServerError);
        json.GetProperty("error").GetString().Should().Be("server_error");
        json.GetProperty("error_codes")[0].GetInt32().Should().Be(50000);
        globalStatus.Should().Be(HttpStatusCode.OK);
        Authority.RegionalRequestCount.Should().Be(1);
        Authority.RequestCount("client_credentials").Should().Be(1, "the regional request never reached the token endpoint");
    }

    [Test]
    public async Task RegionalFailure_Unreachable_RefusesTheConnection()
    {
        Authority.RegionalFailure = FakeRegionalFailure.Unreachable;

        var act = () => PostAsync(RegionalToken, ClientCredentials());

        var error = (await act.Should().ThrowAsync<HttpRequestException>()).Which;
        error.InnerException.Should().BeOfType<SocketException>().Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        Authority.RegionalRequestCount.Should().Be(0);
        Authority.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task RegionalFailure_BackToNone_ServesAgain()
    {
        Authority.RegionalFailure = FakeRegionalFailure.Unreachable;
        Authority.RegionalFailure = FakeRegionalFailure.None;

        var (status, _) = await PostJsonAsync(RegionalToken, ClientCredentials());

        status.Should().Be(HttpStatusCode.OK);
    }
}
