using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.DocsTests;

[TestFixture]
public sealed class RequestsAndResponsesTests
{
    [Test]
    public async Task CommonFields_GoToTheOtherTenant_WithTheCorrelationIdAndExtraParameters()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient("00000000-0000-0000-0000-00000000000b", "s3cret");
        var app = ConfidentialClient.WithSecret("s3cret", new HttpClientNetworkClient(fake.CreateHttpClient()));
        var operationId = Guid.NewGuid();

        var result = await RequestsAndResponses.CommonFieldsAsync(app, operationId);

        var sent = fake.TokenRequests.Should().ContainSingle().Subject;
        sent.Tenant.Should().Be("fabrikam.onmicrosoft.com");
        sent.Headers["client-request-id"].Should().Be(operationId.ToString());
        sent.Query["slice"].Should().Be("testslice");
        result.CorrelationId.Should().Be(operationId);
    }

    [Test]
    public async Task Result_DescribesTheTokenWithoutPrintingIt()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterPublicClient("00000000-0000-0000-0000-00000000000a");
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "00000000-0000-0000-0000-00000000000a",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
        });
        var result = await PublicClient.UsernamePasswordAsync(app, fake.DefaultUser.Username, fake.DefaultUser.Password);

        var text = RequestsAndResponses.Describe(result);

        text.Should().StartWith($"{fake.DefaultUser.Username} ({result.Account!.HomeAccountId})|the authority|")
            .And.Contain("AccessToken = (redacted)")
            .And.NotContain(result.AccessToken);
        result.Source.Should().Be(TokenSource.IdentityProvider);
    }
}
