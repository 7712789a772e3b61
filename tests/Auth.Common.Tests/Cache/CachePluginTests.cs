using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;
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
        var first = new Common.Flows.ClientCredentialFlow(TestRuntime.Create(Server(), time, plugin), new FakeAuthenticator());
        var secondNetwork = Server();
        var second = new Common.Flows.ClientCredentialFlow(TestRuntime.Create(secondNetwork, time, plugin), new FakeAuthenticator());

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
        var flow = new Common.Flows.ClientCredentialFlow(TestRuntime.Create(Server(), time, plugin), new FakeAuthenticator());

        var act = () => flow.AcquireAsync(Request, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.CachePluginFailed);
    }

    private sealed class DictionaryPlugin : ITokenCachePlugin
    {
        public Dictionary<string, string> Blobs { get; } = [];

        public List<bool> Changes { get; } = [];

        public bool Fail { get; init; }

        public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new IOException("disk on fire");
            }

            lock (Blobs)
            {
                context.TokenCache.Deserialize(Blobs.GetValueOrDefault(context.PartitionKey, string.Empty));
            }

            return Task.CompletedTask;
        }

        public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
        {
            lock (Blobs)
            {
                Changes.Add(context.CacheHasChanged);
                if (context.CacheHasChanged)
                {
                    Blobs[context.PartitionKey] = context.TokenCache.Serialize();
                }
            }

            return Task.CompletedTask;
        }
    }
}
