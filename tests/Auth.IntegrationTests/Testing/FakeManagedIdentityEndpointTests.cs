using System.Net;
using System.Text.Json;
using Auth.Testing;
using static Auth.IntegrationTests.Testing.ManagedIdentityWire;

namespace Auth.IntegrationTests.Testing;

/// <summary>The wire behaviour of <see cref="FakeManagedIdentityEndpoint"/> for each source, over a raw <see cref="HttpClient"/>.</summary>
[TestFixture]
public sealed class FakeManagedIdentityEndpointTests
{
    private static readonly FakeManagedIdentitySource[] AllSources = Enum.GetValues<FakeManagedIdentitySource>();

    [TestCaseSource(nameof(AllSources))]
    public async Task ExactRequest_SystemAssigned_ReturnsVerifiableToken(FakeManagedIdentitySource source)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);

        using var response = await SendAsync(http, endpoint, () => Exact(endpoint));

        var token = await AccessTokenAsync(response);
        JwtInspector.VerifiesWith(token, endpoint.JwksJson).Should().BeTrue();
        var claims = JwtInspector.Payload(token);
        var identity = endpoint.SystemAssigned;
        claims.GetProperty("aud").GetString().Should().Be(Resource);
        claims.GetProperty("sub").GetString().Should().Be(identity.ObjectId);
        claims.GetProperty("oid").GetString().Should().Be(identity.ObjectId);
        claims.GetProperty("appid").GetString().Should().Be(identity.ClientId);
        claims.GetProperty("tid").GetString().Should().Be(FakeManagedIdentityOptions.DefaultTenantId);
        claims.GetProperty("iss").GetString().Should().Be($"https://login.microsoftonline.com/{FakeManagedIdentityOptions.DefaultTenantId}/v2.0");
        claims.GetProperty("xms_mirid").GetString().Should().Be(identity.ResourceId);
        var json = await JsonAsync(response);
        json.GetProperty("token_type").GetString().Should().Be("Bearer");
        json.GetProperty("resource").GetString().Should().Be(Resource);
        json.GetProperty("client_id").GetString().Should().Be(identity.ClientId);
        json.GetProperty("expires_on").ValueKind.Should().Be(JsonValueKind.String);
        json.TryGetProperty("expires_in", out _).Should().BeFalse();
        endpoint.TokensIssued.Should().Be(1);
    }

    [TestCase(FakeManagedIdentitySource.Imds, "client_id", "ClientId")]
    [TestCase(FakeManagedIdentitySource.Imds, "object_id", "ObjectId")]
    [TestCase(FakeManagedIdentitySource.Imds, "msi_res_id", "ResourceId")]
    [TestCase(FakeManagedIdentitySource.AppService, "client_id", "ClientId")]
    [TestCase(FakeManagedIdentitySource.AppService, "object_id", "ObjectId")]
    [TestCase(FakeManagedIdentitySource.AppService, "mi_res_id", "ResourceId")]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "principalId", "ObjectId")]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "clientid", "ClientId")]
    public async Task ExactRequest_UserAssigned_ReturnsTokenOfThatIdentity(FakeManagedIdentitySource source, string parameter, string kind)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);
        endpoint.AddUserAssigned("other");
        var identity = endpoint.AddUserAssigned("mine");
        var value = kind switch { "ClientId" => identity.ClientId, "ObjectId" => identity.ObjectId, _ => identity.ResourceId };

        using var response = await SendAsync(http, endpoint, () => Exact(endpoint, id: (parameter, value.ToUpperInvariant())));

        var claims = JwtInspector.Payload(await AccessTokenAsync(response));
        claims.GetProperty("appid").GetString().Should().Be(identity.ClientId);
        claims.GetProperty("sub").GetString().Should().Be(identity.ObjectId);
        claims.GetProperty("xms_mirid").GetString().Should().EndWith("/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mine");
        (await JsonAsync(response)).GetProperty("client_id").GetString().Should().Be(identity.ClientId);
    }

    [TestCase(FakeManagedIdentitySource.Imds, "Metadata", 400, "invalid_request")]
    [TestCase(FakeManagedIdentitySource.AppService, "X-IDENTITY-HEADER", 401, null)]
    [TestCase(FakeManagedIdentitySource.AzureArc, "Metadata", 400, "invalid_request")]
    [TestCase(FakeManagedIdentitySource.CloudShell, "Metadata", 400, "BadRequest")]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "secret", 400, "SecretHeaderNotFound")]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "Metadata", 400, null)]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "secret", 401, null)]
    public async Task MissingRequiredHeader_IsRefusedInTheSourceShape(FakeManagedIdentitySource source, string header, int status, string? code)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);

        using var response = await SendAsync(http, endpoint, () => Without(Exact(endpoint), header));

        await ShouldBeRefusedAsync(response, source, status, code);
        endpoint.TokensIssued.Should().Be(0);
    }

    [TestCase(FakeManagedIdentitySource.AppService, "X-IDENTITY-HEADER", 403)]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "secret", 401)]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "secret", 403)]
    [TestCase(FakeManagedIdentitySource.Imds, "Metadata", 400)]
    public async Task WrongHeaderValue_IsRefused(FakeManagedIdentitySource source, string header, int status)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);

        using var response = await SendAsync(http, endpoint, () =>
        {
            var request = Without(Exact(endpoint), header);
            request.Headers.Add(header, header == "Metadata" ? "false" : endpoint.Secret + "x");
            return request;
        });

        await ShouldBeRefusedAsync(response, source, status, null);
    }

    [TestCase(FakeManagedIdentitySource.Imds, "2019-08-01")]
    [TestCase(FakeManagedIdentitySource.AppService, "2017-09-01")]
    [TestCase(FakeManagedIdentitySource.AzureArc, "2019-11-01")]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "2019-07-01-preview")]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "2019-08-01")]
    [TestCase(FakeManagedIdentitySource.Imds, null)]
    public async Task WrongOrMissingApiVersion_Returns400(FakeManagedIdentitySource source, string? version)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);

        using var response = await SendAsync(http, endpoint, () => WithApiVersion(Exact(endpoint), version));

        await ShouldBeRefusedAsync(response, source, 400, null, "api-version");
    }

    [TestCase(FakeManagedIdentitySource.Imds)]
    [TestCase(FakeManagedIdentitySource.AppService)]
    [TestCase(FakeManagedIdentitySource.CloudShell)]
    public async Task WrongMethod_Returns405WithAllow(FakeManagedIdentitySource source)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);
        using var request = Exact(endpoint);
        request.Method = source == FakeManagedIdentitySource.CloudShell ? HttpMethod.Get : HttpMethod.Post;

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Equal(source == FakeManagedIdentitySource.CloudShell ? "POST" : "GET");
    }

    [Test]
    public async Task WrongPath_Returns404()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start();
        using var http = CreateClient(endpoint);
        using var request = Exact(endpoint);
        request.RequestUri = new Uri(endpoint.Endpoint, "/metadata/identity/oauth2/token/");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [TestCase(FakeManagedIdentitySource.Imds, "mi_res_id")]
    [TestCase(FakeManagedIdentitySource.Imds, "principalId")]
    [TestCase(FakeManagedIdentitySource.AppService, "msi_res_id")]
    [TestCase(FakeManagedIdentitySource.AppService, "clientid")]
    [TestCase(FakeManagedIdentitySource.AzureArc, "client_id")]
    [TestCase(FakeManagedIdentitySource.AzureArc, "msi_res_id")]
    [TestCase(FakeManagedIdentitySource.AzureArc, "object_id")]
    [TestCase(FakeManagedIdentitySource.CloudShell, "client_id")]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "client_id")]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "mi_res_id")]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "object_id")]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "object_id")]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "mi_res_id")]
    public async Task UnsupportedIdentityParameter_Returns400(FakeManagedIdentitySource source, string parameter)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);
        var identity = endpoint.AddUserAssigned();
        var value = parameter.Contains("res_id", StringComparison.Ordinal) ? identity.ResourceId : identity.ClientId;

        using var response = await SendAsync(http, endpoint, () => Exact(endpoint, id: (parameter, value)));

        await ShouldBeRefusedAsync(response, source, 400, source == FakeManagedIdentitySource.CloudShell ? "BadRequest" : null, parameter);
    }

    [TestCase(FakeManagedIdentitySource.Imds, "client_id")]
    [TestCase(FakeManagedIdentitySource.Imds, "object_id")]
    [TestCase(FakeManagedIdentitySource.AppService, "client_id")]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, "principalId")]
    [TestCase(FakeManagedIdentitySource.MachineLearning, "clientid")]
    public async Task UnknownIdentity_Returns400(FakeManagedIdentitySource source, string parameter)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);

        using var response = await http.SendAsync(Exact(endpoint, id: (parameter, Guid.NewGuid().ToString())));

        await ShouldBeRefusedAsync(response, source, 400, null);
    }

    [Test]
    public async Task Imds_UnknownIdentity_AnswersLikeImds()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start();
        using var http = CreateClient(endpoint);

        using var response = await http.SendAsync(Exact(endpoint, id: ("msi_res_id", "/subscriptions/x/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/none")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}");
    }

    [Test]
    public async Task Imds_TwoIdentityParameters_Returns400()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start();
        using var http = CreateClient(endpoint);
        var identity = endpoint.AddUserAssigned();
        using var request = Exact(endpoint, id: ("client_id", identity.ClientId));
        request.RequestUri = new Uri(request.RequestUri + "&object_id=" + identity.ObjectId);

        using var response = await http.SendAsync(request);

        await ShouldBeRefusedAsync(response, FakeManagedIdentitySource.Imds, 400, "invalid_request", "Only one");
    }

    [Test]
    public async Task Imds_ForwardedRequest_Returns400()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start();
        using var http = CreateClient(endpoint);
        using var request = Exact(endpoint);
        request.Headers.Add("X-Forwarded-For", "10.0.0.1");

        using var response = await http.SendAsync(request);

        await ShouldBeRefusedAsync(response, FakeManagedIdentitySource.Imds, 400, "invalid_request", "X-Forwarded-For");
    }

    [TestCase(FakeManagedIdentitySource.Imds)]
    [TestCase(FakeManagedIdentitySource.CloudShell)]
    public async Task MissingResource_Returns400(FakeManagedIdentitySource source)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = CreateClient(endpoint);

        using var response = await http.SendAsync(Exact(endpoint, resource: string.Empty));

        await ShouldBeRefusedAsync(response, source, 400, null, "resource");
    }

    [Test]
    public async Task CloudShell_ResourceInQueryInsteadOfForm_Returns400()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.CloudShell });
        using var http = CreateClient(endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Endpoint + "?resource=" + Uri.EscapeDataString(Resource));
        request.Headers.Add("Metadata", "true");

        using var response = await http.SendAsync(request);

        await ShouldBeRefusedAsync(response, FakeManagedIdentitySource.CloudShell, 400, "BadRequest", "resource");
    }

    [Test]
    public async Task MachineLearning_WithoutClientId_Returns400()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.MachineLearning });
        using var http = CreateClient(endpoint);
        using var request = Exact(endpoint);
        request.RequestUri = new Uri(request.RequestUri!.ToString().Replace($"&clientid={endpoint.SystemAssigned.ClientId}", string.Empty, StringComparison.Ordinal));

        using var response = await http.SendAsync(request);

        await ShouldBeRefusedAsync(response, FakeManagedIdentitySource.MachineLearning, 400, null, "clientid");
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, FakeManagedIdentitySource source, int status, string? code, string? mentions = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        var json = await JsonAsync(response);
        string message;
        switch (source)
        {
            case FakeManagedIdentitySource.AppService or FakeManagedIdentitySource.MachineLearning:
                json.GetProperty("statusCode").GetInt32().Should().Be(status);
                Guid.TryParse(json.GetProperty("correlationId").GetString(), out _).Should().BeTrue();
                message = json.GetProperty("message").GetString()!;
                break;
            case FakeManagedIdentitySource.CloudShell:
                var error = json.GetProperty("error");
                (code is null || error.GetProperty("code").GetString() == code).Should().BeTrue(body);
                message = error.GetProperty("message").GetString()!;
                break;
            default:
                (code is null || json.GetProperty("error").GetString() == code).Should().BeTrue(body);
                message = json.GetProperty("error_description").GetString()!;
                break;
        }

        message.Should().NotBeNullOrEmpty();
        if (mentions is not null)
        {
            message.Should().Contain(mentions);
        }
    }

    private static HttpRequestMessage WithApiVersion(HttpRequestMessage request, string? version)
    {
        var query = request.RequestUri!.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("api-version=", StringComparison.Ordinal));
        if (version is not null)
        {
            query = query.Prepend("api-version=" + version);
        }

        request.RequestUri = new UriBuilder(request.RequestUri) { Query = string.Join('&', query) }.Uri;
        return request;
    }
}
