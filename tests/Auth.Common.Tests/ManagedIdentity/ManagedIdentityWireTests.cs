using System.Web;
using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.ManagedIdentity;

/// <summary>Each source's request on the wire, for the system-assigned identity and every user-assigned kind, and the kinds each refuses before sending.</summary>
[TestFixture]
public sealed class ManagedIdentityWireTests
{
    private const string Resource = "https://management.azure.com";

    [TestCase(ManagedIdentitySource.Imds, "GET", "http://127.0.0.1:42000/metadata/identity/oauth2/token", "2018-02-01", "Metadata=true")]
    [TestCase(ManagedIdentitySource.AppService, "GET", "http://127.0.0.1:41000/msi/token", "2019-08-01", "X-IDENTITY-HEADER=" + ManagedIdentityHarness.Secret)]
    [TestCase(ManagedIdentitySource.AzureArc, "GET", "http://127.0.0.1:40342/metadata/identity/oauth2/token", "2020-06-01", "Metadata=true")]
    [TestCase(ManagedIdentitySource.CloudShell, "POST", "http://localhost:50342/oauth2/token", null, "Metadata=true")]
    [TestCase(ManagedIdentitySource.ServiceFabric, "GET", "https://127.0.0.1:2377/metadata/identity/oauth2/token", "2020-05-01", "secret=" + ManagedIdentityHarness.Secret)]
    [TestCase(ManagedIdentitySource.MachineLearning, "GET", "http://127.0.0.1:46808/msi/token", "2017-09-01", "secret=" + ManagedIdentityHarness.Secret)]
    public async Task SystemAssigned_SendsTheSourcesExactRequest(ManagedIdentitySource source, string method, string url, string? apiVersion, string header)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400)));
        var client = ManagedIdentityHarness.Client(source, network);

        var result = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = Resource + "/.default" });

        client.Source.Should().Be(source);
        result.AccessToken.Should().Be("mi-token");
        var sent = network.Requests.Single();
        (sent.IsPost ? "POST" : "GET").Should().Be(method);
        sent.Uri.GetLeftPart(UriPartial.Path).Should().Be(url);
        var query = HttpUtility.ParseQueryString(sent.Uri.Query);
        query["api-version"].Should().Be(apiVersion);
        var (name, value) = (header.Split('=')[0], header.Split('=', 2)[1]);
        sent.Headers.Should().Contain(name, value);
        if (sent.IsPost)
        {
            sent.Form.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("resource", Resource));
            query.Count.Should().Be(0);
        }
        else
        {
            query["resource"].Should().Be(Resource, "a trailing /.default is removed");
        }

        var expectedIds = source == ManagedIdentitySource.MachineLearning ? new[] { "clientid" } : [];
        query.AllKeys.Except(["api-version", "resource"]).Should().BeEquivalentTo(expectedIds, "the system-assigned identity is named by nothing, except Machine Learning's default client id");
        if (source == ManagedIdentitySource.MachineLearning)
        {
            query["clientid"].Should().Be("ml-default-client");
        }
    }

    [TestCase(ManagedIdentitySource.Imds, ManagedIdentityIdKind.ClientId, "client_id")]
    [TestCase(ManagedIdentitySource.Imds, ManagedIdentityIdKind.ResourceId, "msi_res_id")]
    [TestCase(ManagedIdentitySource.Imds, ManagedIdentityIdKind.ObjectId, "object_id")]
    [TestCase(ManagedIdentitySource.AppService, ManagedIdentityIdKind.ClientId, "client_id")]
    [TestCase(ManagedIdentitySource.AppService, ManagedIdentityIdKind.ResourceId, "mi_res_id")]
    [TestCase(ManagedIdentitySource.AppService, ManagedIdentityIdKind.ObjectId, "object_id")]
    [TestCase(ManagedIdentitySource.ServiceFabric, ManagedIdentityIdKind.ObjectId, "principalId")]
    [TestCase(ManagedIdentitySource.MachineLearning, ManagedIdentityIdKind.ClientId, "clientid")]
    public async Task UserAssigned_IsNamedByTheSourcesParameter(ManagedIdentitySource source, ManagedIdentityIdKind kind, string parameter)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400)));
        var id = Id(kind, "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua");

        await ManagedIdentityHarness.Client(source, network, id).AcquireTokenAsync(new ManagedIdentityRequest { Resource = Resource });

        var query = HttpUtility.ParseQueryString(network.Requests.Single().Uri.Query);
        query[parameter].Should().Be(id.Value);
        query.AllKeys.Except(["api-version", "resource", parameter]).Should().BeEmpty("one parameter names the identity, nothing falls back to the system-assigned one");
    }

    [TestCase(ManagedIdentitySource.CloudShell, ManagedIdentityIdKind.ClientId)]
    [TestCase(ManagedIdentitySource.CloudShell, ManagedIdentityIdKind.ResourceId)]
    [TestCase(ManagedIdentitySource.CloudShell, ManagedIdentityIdKind.ObjectId)]
    [TestCase(ManagedIdentitySource.AzureArc, ManagedIdentityIdKind.ClientId)]
    [TestCase(ManagedIdentitySource.AzureArc, ManagedIdentityIdKind.ResourceId)]
    [TestCase(ManagedIdentitySource.AzureArc, ManagedIdentityIdKind.ObjectId)]
    [TestCase(ManagedIdentitySource.ServiceFabric, ManagedIdentityIdKind.ClientId)]
    [TestCase(ManagedIdentitySource.ServiceFabric, ManagedIdentityIdKind.ResourceId)]
    [TestCase(ManagedIdentitySource.MachineLearning, ManagedIdentityIdKind.ResourceId)]
    [TestCase(ManagedIdentitySource.MachineLearning, ManagedIdentityIdKind.ObjectId)]
    public async Task UnsupportedKind_IsRefusedBeforeSending_NamingTheSourceAndWhatItSupports(ManagedIdentitySource source, ManagedIdentityIdKind kind)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400)));

        var act = () => ManagedIdentityHarness.Client(source, network, Id(kind, "some-id")).AcquireTokenAsync(new ManagedIdentityRequest { Resource = Resource });

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.ManagedIdentityIdNotSupported);
        error.Message.Should().Contain(source.ToString()).And.Contain("supports");
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task MachineLearning_SystemAssignedWithoutItsDefaultClientId_IsRefused()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400)));
        var environment = ManagedIdentityHarness.Environment(ManagedIdentitySource.MachineLearning);
        environment.Remove("DEFAULT_IDENTITY_CLIENT_ID");

        var act = () => ManagedIdentityHarness.Client(ManagedIdentitySource.MachineLearning, network, environment: environment).AcquireTokenAsync(new ManagedIdentityRequest { Resource = Resource });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityEnvironmentInvalid);
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task ServiceFabric_GoesThroughThePinnedClient_WithTheThumbprint()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400)));
        var platform = new TestManagedIdentityPlatform(ManagedIdentityHarness.Environment(ManagedIdentitySource.ServiceFabric), serviceFabric: network);
        var unpinned = new RecordingNetworkClient(new Func<NetworkRequest, NetworkResponse>(_ => throw new AssertionException("the unpinned client must not be used")));
        var client = new ManagedIdentityClient(new ManagedIdentityClientOptions { NetworkClient = unpinned, Platform = platform, RetryDelay = TimeSpan.Zero });

        await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = Resource });

        platform.ThumbprintsPinned.Should().Equal("ABCDEF");
        network.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task Secrets_NeverAppearInTheRequestsDescription()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400)));
        await ManagedIdentityHarness.Client(ManagedIdentitySource.AppService, network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = Resource });

        network.Requests.Single().ToString().Should().NotContain(ManagedIdentityHarness.Secret);
    }

    private static ManagedIdentityId Id(ManagedIdentityIdKind kind, string value) => kind switch
    {
        ManagedIdentityIdKind.ClientId => ManagedIdentityId.FromUserAssignedClientId(value),
        ManagedIdentityIdKind.ResourceId => ManagedIdentityId.FromUserAssignedResourceId(value),
        _ => ManagedIdentityId.FromUserAssignedObjectId(value),
    };
}
