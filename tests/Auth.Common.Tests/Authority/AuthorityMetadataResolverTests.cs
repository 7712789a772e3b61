using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Authority;

[TestFixture]
public sealed class AuthorityMetadataResolverTests
{
    private const string Issuer = "https://idp.example.com/realms/demo";

    private static readonly string Document = $$"""
        {"issuer":"{{Issuer}}","token_endpoint":"{{Issuer}}/token","authorization_endpoint":"{{Issuer}}/auth",
         "token_endpoint_auth_signing_alg_values_supported":["RS256"]}
        """;

    private static readonly AuthorityInfo Authority = AuthorityInfo.Parse(Issuer, ProtocolMode.Oidc, false);

    [Test]
    public async Task ResolveAsync_ConcurrentFirstCallers_ShareOneFetch()
    {
        var gate = new TaskCompletionSource();
        var network = new RecordingNetworkClient(async _ =>
        {
            await gate.Task;
            return RecordingNetworkClient.Json(200, Document);
        });
        var resolver = new AuthorityMetadataResolver(network, TimeProvider.System, NullLogger.Instance, false);

        var callers = Enumerable.Range(0, 50).Select(_ => resolver.ResolveAsync(Authority, Guid.NewGuid(), CancellationToken.None)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(callers);

        network.Requests.Should().HaveCount(1);
        results.Should().AllSatisfy(m => m.TokenEndpoint.AbsoluteUri.Should().Be($"{Issuer}/token"));
        results[0].TokenEndpointSigningAlgorithms.Should().Equal("RS256");
    }

    [Test]
    public async Task ResolveAsync_AfterLifetime_FetchesAgain()
    {
        var time = new FakeTimeProvider();
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, Document));
        var resolver = new AuthorityMetadataResolver(network, time, NullLogger.Instance, false) { Lifetime = TimeSpan.FromHours(1) };

        await resolver.ResolveAsync(Authority, Guid.NewGuid(), CancellationToken.None);
        await resolver.ResolveAsync(Authority, Guid.NewGuid(), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        await resolver.ResolveAsync(Authority, Guid.NewGuid(), CancellationToken.None);

        network.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task ResolveAsync_FailedFetch_IsNotRemembered()
    {
        var calls = 0;
        var network = new RecordingNetworkClient(_ => ++calls == 1
            ? RecordingNetworkClient.Json(500, "oops")
            : RecordingNetworkClient.Json(200, Document));
        var resolver = new AuthorityMetadataResolver(network, TimeProvider.System, NullLogger.Instance, false);

        var first = () => resolver.ResolveAsync(Authority, Guid.NewGuid(), CancellationToken.None);
        (await first.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.AuthorityMetadataFailed);
        var second = await resolver.ResolveAsync(Authority, Guid.NewGuid(), CancellationToken.None);

        second.Issuer.Should().Be(Issuer);
        network.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task Seed_SuppliedDocument_SkipsTheNetwork()
    {
        var network = new RecordingNetworkClient((Func<Auth.Common.Platform.NetworkRequest, Auth.Common.Platform.NetworkResponse>)(_ => throw new InvalidOperationException("no network expected")));
        var resolver = new AuthorityMetadataResolver(network, TimeProvider.System, NullLogger.Instance, false);

        resolver.Seed(Authority, Document);
        var metadata = await resolver.ResolveAsync(Authority, Guid.NewGuid(), CancellationToken.None);

        metadata.TokenEndpoint.AbsoluteUri.Should().Be($"{Issuer}/token");
        network.Requests.Should().BeEmpty();
    }

    [TestCase("https://127.0.0.1", "https://127.0.0.1:443")]
    [TestCase("https://127.0.0.1:443", "https://127.0.0.1:443")]
    [TestCase("https://127.0.0.1:443", "https://127.0.0.1")]
    [TestCase("https://idp.example.com/realms/demo", "https://IDP.example.com:443/realms/demo/")]
    public async Task ResolveAsync_IssuerWithTheDefaultPortSpelledOut_IsAccepted(string authority, string issuer)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, DocumentFor(issuer)));
        var resolver = new AuthorityMetadataResolver(network, TimeProvider.System, NullLogger.Instance, false);

        var metadata = await resolver.ResolveAsync(AuthorityInfo.Parse(authority, ProtocolMode.Oidc, false), Guid.NewGuid(), CancellationToken.None);

        metadata.Issuer.Should().Be(issuer);
    }

    [TestCase("https://127.0.0.1", "https://127.0.0.1:443")]
    [TestCase("https://127.0.0.1:443", "https://127.0.0.1")]
    public void Seed_IssuerWithTheDefaultPortSpelledOut_IsAccepted(string authority, string issuer)
    {
        var resolver = new AuthorityMetadataResolver(new RecordingNetworkClient((Func<Auth.Common.Platform.NetworkRequest, Auth.Common.Platform.NetworkResponse>)(_ => null!)), TimeProvider.System, NullLogger.Instance, false);

        var act = () => resolver.Seed(AuthorityInfo.Parse(authority, ProtocolMode.Oidc, false), DocumentFor(issuer));

        act.Should().NotThrow();
    }

    [TestCase("https://127.0.0.1", "https://127.0.0.1:4443")]
    [TestCase("https://127.0.0.1:4443", "https://127.0.0.1:443")]
    [TestCase("https://127.0.0.1", "http://127.0.0.1:443")]
    [TestCase("https://127.0.0.1/a", "https://127.0.0.1:443/b")]
    public async Task ResolveAsync_IssuerOfAnotherUrl_IsAuthorityMetadataFailed(string authority, string issuer)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, DocumentFor(issuer)));
        var resolver = new AuthorityMetadataResolver(network, TimeProvider.System, NullLogger.Instance, false);

        var act = () => resolver.ResolveAsync(AuthorityInfo.Parse(authority, ProtocolMode.Oidc, false), Guid.NewGuid(), CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.AuthorityMetadataFailed);
    }

    [TestCase("""{"issuer":"https://evil.example.com","token_endpoint":"https://idp.example.com/realms/demo/token"}""")]
    [TestCase("""{"issuer":"https://idp.example.com/realms/demo","token_endpoint":"http://idp.example.com/token"}""")]
    [TestCase("""{"issuer":"https://idp.example.com/realms/demo"}""")]
    [TestCase("""<html>not json</html>""")]
    [TestCase("""{"issuer":42}""")]
    public void Seed_BadDocument_IsAuthorityMetadataFailed(string json)
    {
        var resolver = new AuthorityMetadataResolver(new RecordingNetworkClient((Func<Auth.Common.Platform.NetworkRequest, Auth.Common.Platform.NetworkResponse>)(_ => null!)), TimeProvider.System, NullLogger.Instance, false);

        var act = () => resolver.Seed(Authority, json);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.AuthorityMetadataFailed);
    }

    private static string DocumentFor(string issuer) => $$"""
        {"issuer":"{{issuer}}","token_endpoint":"https://127.0.0.1/token"}
        """;
}
