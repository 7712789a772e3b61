using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Grants.OnBehalfOf;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Auth.Common.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Cache;

[TestFixture]
public sealed class CachePluginTests
{
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://x/.default"] };

    private static RecordingNetworkClient Server() =>
        new(_ => RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"at"}"""));

    [Test]
    public async Task Plugin_StoresOneBlobPerPartition_AndASecondAppReadsIt()
    {
        var plugin = new DictionaryPlugin();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var first = new ClientCredentialFlow(TestRuntime.Create(Server(), time, plugin, authenticator: new FakeAuthenticator()));
        var secondNetwork = Server();
        var second = new ClientCredentialFlow(TestRuntime.Create(secondNetwork, time, plugin, authenticator: new FakeAuthenticator()));

        await first.AcquireAsync(Request, CancellationToken.None);
        var fromPlugin = await second.AcquireAsync(Request, CancellationToken.None);

        plugin.Blobs.Keys.Should().Equal("client1_tenant1_AppTokenCache");
        fromPlugin.Source.Should().Be(Responses.TokenSource.Cache);
        secondNetwork.Requests.Should().BeEmpty();
        plugin.Changes.Should().Contain(true);
    }

    [Test]
    public async Task Plugin_Throws_IsCachePluginFailed()
    {
        var plugin = new DictionaryPlugin { Fail = true };
        var time = new FakeTimeProvider();
        var flow = new ClientCredentialFlow(TestRuntime.Create(Server(), time, plugin, authenticator: new FakeAuthenticator()));

        var act = () => flow.AcquireAsync(Request, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.CachePluginFailed);
    }

    [Test]
    public async Task PartitionKeys_PerFlow_AreTenantUserAndAssertionHash()
    {
        var plugin = new DictionaryPlugin();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var server = new UserTokenServer(time);
        var runtime = TestRuntime.Create(server.Network, time, plugin, authenticator: new FakeAuthenticator());
        var exchange = new UserTokenExchange(runtime);

        server.Scripted.Enqueue((200, """{"token_type":"Bearer","expires_in":3600,"access_token":"app"}"""));
        await new ClientCredentialFlow(runtime).AcquireAsync(Request, CancellationToken.None);
        await new UsernamePasswordFlow(exchange).AcquireAsync(new UsernamePasswordRequest { Scopes = ["a"], Username = "u", Password = "p" }, CancellationToken.None);
        await new OnBehalfOfFlow(exchange, new SerializedFlight<AuthenticationResult>()).AcquireAsync(new OnBehalfOfRequest { Scopes = ["a"], OboAssertion = "incoming" }, CancellationToken.None);

        plugin.Blobs.Keys.Should().BeEquivalentTo(["client1_tenant1_AppTokenCache", "oid-1.tid-1", "local:oid-1", new TestCrypto().Sha256Base64Url("incoming")]);
        plugin.Blobs["oid-1.tid-1"].Should().NotContain("user_assertion_hash");
        plugin.Blobs[new TestCrypto().Sha256Base64Url("incoming")].Should().Contain("user_assertion_hash").And.NotContain("\"Account\":{\"");
    }
}
