using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
public sealed class AppTokenScopesTests
{
    [Test]
    public async Task ClientCredentials_ProviderAnswersOtherScopes_IsStillACacheHitForTheRequest()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":300,"scope":"profile email","access_token":"at"}"""));
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, new FakeTimeProvider(), authenticator: new FakeAuthenticator()));
        var request = new ClientCredentialRequest { Scopes = ["orders.read"] };

        await flow.AcquireAsync(request, CancellationToken.None);
        var second = await flow.AcquireAsync(request, CancellationToken.None);

        second.Source.Should().Be(TokenSource.Cache);
        network.Requests.Should().ContainSingle();
    }
}
