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

    [Test]
    public async Task ClientCredentials_ProviderAnswersOtherScopes_ResultsReportTheGrantedScopes()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":300,"scope":"profile email","access_token":"at"}"""));
        var plugin = new DictionaryPlugin();
        var time = new FakeTimeProvider();
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, time, plugin, authenticator: new FakeAuthenticator()));
        var request = new ClientCredentialRequest { Scopes = ["orders.read"] };

        var fresh = await flow.AcquireAsync(request, CancellationToken.None);
        var cached = await flow.AcquireAsync(request, CancellationToken.None);
        var otherInstance = await new ClientCredentialFlow(TestRuntime.Create(network, time, plugin, authenticator: new FakeAuthenticator())).AcquireAsync(request, CancellationToken.None);

        fresh.Scopes.Should().Equal(["profile", "email"], "RFC 6749 section 5.1: the result says what was granted, not what was asked");
        cached.Scopes.Should().Equal(["profile", "email"]);
        otherInstance.Source.Should().Be(TokenSource.Cache);
        otherInstance.Scopes.Should().Equal(["profile", "email"], "the granted scopes survive the cache blob");
        network.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task ClientCredentials_NoScopeInTheAnswer_ReportsTheRequestedScopes()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":300,"access_token":"at"}"""));
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, new FakeTimeProvider(), authenticator: new FakeAuthenticator()));

        var result = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["orders.read"] }, CancellationToken.None);

        result.Scopes.Should().Equal(["orders.read"], "an answer without scope granted what was asked (RFC 6749 section 5.1)");
    }
}
