using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.ManagedIdentity;

/// <summary>Which source the environment names, in the MSALs' order, and a malformed environment.</summary>
[TestFixture]
public sealed class ManagedIdentityDetectorTests
{
    [TestCase("IDENTITY_ENDPOINT=https://h/t;IDENTITY_HEADER=x;IDENTITY_SERVER_THUMBPRINT=AB;MSI_ENDPOINT=http://m;MSI_SECRET=s", ManagedIdentitySource.ServiceFabric)]
    [TestCase("IDENTITY_ENDPOINT=http://h/t;IDENTITY_HEADER=x;MSI_ENDPOINT=http://m;MSI_SECRET=s", ManagedIdentitySource.AppService)]
    [TestCase("MSI_ENDPOINT=http://m;MSI_SECRET=s;IDENTITY_ENDPOINT=http://h/t;IMDS_ENDPOINT=http://i", ManagedIdentitySource.MachineLearning)]
    [TestCase("MSI_ENDPOINT=http://m;IDENTITY_ENDPOINT=http://h/t;IMDS_ENDPOINT=http://i", ManagedIdentitySource.CloudShell)]
    [TestCase("IDENTITY_ENDPOINT=http://h/t;IMDS_ENDPOINT=http://i", ManagedIdentitySource.AzureArc)]
    [TestCase("IDENTITY_ENDPOINT=http://h/t", ManagedIdentitySource.Imds)]
    [TestCase("", ManagedIdentitySource.Imds)]
    [TestCase("IDENTITY_ENDPOINT=;IDENTITY_HEADER=x", ManagedIdentitySource.Imds)]
    public void Environment_NamesTheSourceInTheMsalsOrder(string variables, ManagedIdentitySource expected) =>
        ManagedIdentityDetector.Detect(new TestManagedIdentityPlatform(Parse(variables))).Source.Should().Be(expected);

    [Test]
    public void ArcAgentInstalled_WithoutVariables_IsArcAtItsDefaultEndpoint()
    {
        var detected = ManagedIdentityDetector.Detect(new TestManagedIdentityPlatform([]) { IsAzureArcAgentInstalled = true });

        detected.Source.Should().Be(ManagedIdentitySource.AzureArc);
        detected.Endpoint!.Uri.Should().Be(new Uri("http://127.0.0.1:40342/metadata/identity/oauth2/token"));
    }

    [Test]
    public void PodIdentityHost_ReplacesImdsHost_KeepingItsPath() =>
        ManagedIdentityDetector.Detect(new TestManagedIdentityPlatform(Parse("AZURE_POD_IDENTITY_AUTHORITY_HOST=http://127.0.0.1:9999/whatever/")))
            .Endpoint!.Uri.Should().Be(new Uri("http://127.0.0.1:9999/metadata/identity/oauth2/token"));

    [TestCase("IDENTITY_ENDPOINT=not a url;IDENTITY_HEADER=x", "IDENTITY_ENDPOINT")]
    [TestCase("IDENTITY_ENDPOINT=http://h/t;IDENTITY_HEADER=x;IDENTITY_SERVER_THUMBPRINT=AB", "IDENTITY_ENDPOINT")]
    [TestCase("MSI_ENDPOINT=ftp://m", "MSI_ENDPOINT")]
    [TestCase("AZURE_POD_IDENTITY_AUTHORITY_HOST=nohost", "AZURE_POD_IDENTITY_AUTHORITY_HOST")]
    public async Task MalformedEndpoint_IsNone_AndARequestNamesTheVariable(string variables, string variable)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400)));
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.Imds, network, environment: Parse(variables));

        var act = () => client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        client.Source.Should().Be(ManagedIdentitySource.None);
        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.ManagedIdentityEnvironmentInvalid);
        error.Message.Should().Contain(variable);
        network.Requests.Should().BeEmpty();
    }

    [TestCase("SystemAssigned", ManagedIdentityIdKind.SystemAssigned, null)]
    [TestCase(" clientid: 7d3a ", ManagedIdentityIdKind.ClientId, "7d3a")]
    [TestCase("ResourceId:/subscriptions/1/rg/x", ManagedIdentityIdKind.ResourceId, "/subscriptions/1/rg/x")]
    [TestCase("OBJECTID:abc", ManagedIdentityIdKind.ObjectId, "abc")]
    public void IdText_Parses_AndRoundTrips(string text, ManagedIdentityIdKind kind, string? value)
    {
        var id = ManagedIdentityId.Parse(text);

        id.Kind.Should().Be(kind);
        id.Value.Should().Be(value);
        ManagedIdentityId.Parse(id.ToString()).Should().Be(id);
    }

    [TestCase("")]
    [TestCase("ClientId:")]
    [TestCase("Tenant:abc")]
    [TestCase("abc")]
    public void BadIdText_IsInvalidConfiguration(string text) =>
        FluentActions.Invoking(() => ManagedIdentityId.Parse(text)).Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidConfiguration);

    private static Dictionary<string, string> Parse(string variables) =>
        variables.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
