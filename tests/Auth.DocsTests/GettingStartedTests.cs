using Auth.Docs.Snippets;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.DocsTests;

[TestFixture]
public sealed class GettingStartedTests
{
    [Test]
    public async Task TenLines_GetAGraphTokenFromTheAuthority_AndSetTheBearerHeader()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient("00000000-0000-0000-0000-000000000001", "s3cret");
        using var http = new HttpClient();

        var token = await GettingStarted.TenLinesAsync("s3cret", http, new HttpClientNetworkClient(fake.CreateHttpClient()));

        http.DefaultRequestHeaders.Authorization!.Parameter.Should().Be(token);
        fake.TokenRequests.Should().ContainSingle().Which.Form["scope"].Should().Be("https://graph.microsoft.com/.default");
    }

    [Test]
    public async Task NoTenant_TheFakeIssuesTheToken_AndTheSecondCallIsACacheHit()
    {
        var (first, second, requests) = await GettingStarted.NoTenantAsync();

        first.Source.Should().Be(Auth.Common.Responses.TokenSource.IdentityProvider);
        second.Source.Should().Be(Auth.Common.Responses.TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        requests.Should().Be(1);
    }
}
