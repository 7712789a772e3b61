using System.Text;
using Auth.Common.ManagedIdentity;
using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Configuration;

namespace Auth.DocsTests;

/// <summary>Runs docs/managed-identity.md's snippets against FakeManagedIdentityEndpoint (and FakeAuthority).</summary>
[TestFixture]
public sealed class ManagedIdentityTests
{
    [Test]
    public async Task SystemAssigned_GetsAnArmTokenFromImds()
    {
        using var imds = FakeManagedIdentityEndpoint.Start();

        var result = await ManagedIdentityExamples.SystemAssignedAsync(new ManagedIdentityPlatform(imds.EnvironmentVariables));

        result.Source.Should().Be(TokenSource.IdentityProvider);
        var sent = imds.Requests.Should().ContainSingle().Subject;
        sent.Query["resource"].Should().Be("https://management.azure.com");
        sent.Headers["Metadata"].Should().Be("true");
    }

    [Test]
    public async Task Federated_TheManagedIdentityTokenIsTheClientAssertion()
    {
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        using var imds = FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions.ForAuthority(authority));
        var identity = imds.AddUserAssigned();
        authority.RegisterFederatedClient("contoso-orders", authority.Issuer, identity.ObjectId);

        var result = await ManagedIdentityExamples.FederatedAsync(
            identity.ClientId, "contoso-orders", new ManagedIdentityPlatform(imds.EnvironmentVariables), new HttpClientNetworkClient(authority.CreateHttpClient()));

        result.Source.Should().Be(TokenSource.IdentityProvider);
        imds.Requests.Should().ContainSingle().Which.Query["resource"].Should().Be("api://AzureADTokenExchange");
        authority.TokenRequests.Should().ContainSingle().Which.Form["client_assertion_type"].Should().Be("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    }

    [Test]
    public void DependencyInjection_ReadsTheIdentityFromConfiguration()
    {
        var json = """{ "ManagedIdentity": { "Identity": "ClientId:7d3a9c1e-0000-4000-8000-000000000001", "RetryDelay": "00:00:01" } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var app = ManagedIdentityExamples.DependencyInjection(configuration);

        app.Identity.Should().Be(ManagedIdentityId.FromUserAssignedClientId("7d3a9c1e-0000-4000-8000-000000000001"));
    }

    [Test]
    public async Task LocalFake_AppService_IssuesOneToken()
    {
        var (result, issued) = await ManagedIdentityExamples.LocalFakeAsync();

        result.AccessToken.Should().NotBeNullOrEmpty();
        issued.Should().Be(1);
    }

    [Test]
    public async Task AzureArc_LocalKeyDirectory_AnswersTheChallenge()
    {
        var (result, requests) = await ManagedIdentityExamples.AzureArcAsync();

        result.AccessToken.Should().NotBeNullOrEmpty();
        requests.Should().Be(2, "the 401 challenge, then the request with the key file's contents");
    }
}
