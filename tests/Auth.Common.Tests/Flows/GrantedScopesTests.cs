using Auth.Common.Grants.Silent;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
public sealed class GrantedScopesTests
{
    [Test]
    public async Task FewerScopesGranted_AreCachedAsGranted_AndTheMissingOneIsAskedForAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var server = new UserTokenServer(time);
        var exchange = new UserTokenExchange(TestRuntime.Create(server.Network, time));
        server.Scripted.Enqueue((200, server.Success().Replace("\"scope\":\"api://x/read openid profile\"", "\"scope\":\"api://x/read\"", StringComparison.Ordinal)));
        var signIn = await new UsernamePasswordFlow(exchange).AcquireAsync(
            new UsernamePasswordRequest { Scopes = ["api://x/read", "api://x/write"], Username = "u", Password = "p" }, CancellationToken.None);
        var silent = new SilentFlow(exchange);

        var read = await silent.AcquireAsync(new SilentFlowRequest { Scopes = ["api://x/read"], Account = signIn.Account! }, CancellationToken.None);
        var write = await silent.AcquireAsync(new SilentFlowRequest { Scopes = ["api://x/write"], Account = signIn.Account! }, CancellationToken.None);

        signIn.Scopes.Should().Equal("api://x/read");
        read.Source.Should().Be(TokenSource.Cache);
        write.Source.Should().Be(TokenSource.IdentityProvider, "write was not granted, so it is not served from the cache");
    }
}
