using System.Net;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;
using static Auth.IntegrationTests.Testing.ManagedIdentityWire;

namespace Auth.IntegrationTests.Testing;

/// <summary>Scripted failures, delays, options, captured requests, environment variables and the Service Fabric certificate of <see cref="FakeManagedIdentityEndpoint"/>.</summary>
[TestFixture]
public sealed class FakeManagedIdentityScriptingTests
{
    [Test]
    public async Task FailNext_ServesTheFailuresWithRetryAfter_ThenTokens()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AppService });
        using var http = CreateClient(endpoint);
        endpoint.FailNext(503, times: 2, retryAfter: TimeSpan.FromSeconds(2.5));

        using var first = await http.SendAsync(Exact(endpoint));
        using var second = await http.SendAsync(Exact(endpoint));
        using var third = await http.SendAsync(Exact(endpoint));

        first.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        first.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(3));
        (await JsonAsync(first)).GetProperty("statusCode").GetInt32().Should().Be(503);
        second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        third.StatusCode.Should().Be(HttpStatusCode.OK);
        endpoint.TokensIssued.Should().Be(1);
        endpoint.Requests.Should().HaveCount(3);
    }

    [Test]
    public async Task FailNext_WithBody_SendsItVerbatim_EvenToABadRequest()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start();
        using var http = CreateClient(endpoint);
        endpoint.FailNext(404, body: "{\"error\":\"not_found\"}");

        using var response = await http.SendAsync(Without(Exact(endpoint), "Metadata"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"error\":\"not_found\"}");
    }

    [Test]
    public async Task Options_ShapeTheResponseAndClaims()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions
        {
            TimeProvider = clock,
            TokenLifetime = TimeSpan.FromHours(2),
            ExpiresOnAsString = false,
            IncludeExpiresIn = true,
            RefreshIn = TimeSpan.FromHours(1),
            Issuer = "https://issuer.example/",
            TenantId = "11111111-2222-3333-4444-555555555555",
        });
        using var http = CreateClient(endpoint);

        using var response = await http.SendAsync(Exact(endpoint, resource: "api://AzureADTokenExchange/.default"));

        var json = await JsonAsync(response);
        json.GetProperty("expires_on").GetInt64().Should().Be(1_700_007_200);
        json.GetProperty("expires_in").GetInt64().Should().Be(7200);
        json.GetProperty("refresh_in").GetInt64().Should().Be(3600);
        json.GetProperty("resource").GetString().Should().Be("api://AzureADTokenExchange/.default");
        var claims = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        claims.GetProperty("aud").GetString().Should().Be("api://AzureADTokenExchange");
        claims.GetProperty("iss").GetString().Should().Be("https://issuer.example/");
        claims.GetProperty("tid").GetString().Should().Be("11111111-2222-3333-4444-555555555555");
        claims.GetProperty("iat").GetInt64().Should().Be(1_700_000_000);
        claims.GetProperty("exp").GetInt64().Should().Be(1_700_007_200);
        endpoint.Requests.Single().ReceivedAt.Should().Be(clock.GetUtcNow());
    }

    [Test]
    public async Task Requests_CaptureQueryHeadersAndForm_ButToStringHidesThem()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.CloudShell });
        using var http = CreateClient(endpoint);

        using var response = await http.SendAsync(Exact(endpoint));

        var request = endpoint.Requests.Single();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/oauth2/token");
        request.Form["resource"].Should().Be(Resource);
        request.Headers["metadata"].Should().Be("true");
        request.ToString().Should().Be("FakeManagedIdentityRequest { POST /oauth2/token }");
    }

    [Test]
    public async Task Delay_SlowsEveryAnswer()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start();
        using var http = CreateClient(endpoint);
        endpoint.Delay(TimeSpan.FromMilliseconds(300));
        var started = TimeProvider.System.GetTimestamp();

        using var response = await http.SendAsync(Exact(endpoint));

        TimeProvider.System.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase(FakeManagedIdentitySource.Imds, new[] { "AZURE_POD_IDENTITY_AUTHORITY_HOST" })]
    [TestCase(FakeManagedIdentitySource.AppService, new[] { "IDENTITY_ENDPOINT", "IDENTITY_HEADER" })]
    [TestCase(FakeManagedIdentitySource.AzureArc, new[] { "IDENTITY_ENDPOINT", "IMDS_ENDPOINT" })]
    [TestCase(FakeManagedIdentitySource.CloudShell, new[] { "MSI_ENDPOINT" })]
    [TestCase(FakeManagedIdentitySource.ServiceFabric, new[] { "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT" })]
    [TestCase(FakeManagedIdentitySource.MachineLearning, new[] { "MSI_ENDPOINT", "MSI_SECRET", "DEFAULT_IDENTITY_CLIENT_ID" })]
    public void EnvironmentVariables_AreExactlyThoseOfTheSource(FakeManagedIdentitySource source, string[] names)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });

        var variables = endpoint.EnvironmentVariables;

        variables.Keys.Should().BeEquivalentTo(names);
        var port = endpoint.Endpoint.Port;
        if (source == FakeManagedIdentitySource.Imds)
        {
            variables["AZURE_POD_IDENTITY_AUTHORITY_HOST"].Should().Be($"http://127.0.0.1:{port}");
            new UriBuilder(variables["AZURE_POD_IDENTITY_AUTHORITY_HOST"]) { Path = "/metadata/identity/oauth2/token" }.Uri.Should().Be(endpoint.Endpoint);
        }
        else
        {
            variables[names[0]].Should().Be(endpoint.Endpoint.ToString());
        }

        if (names.Contains("IDENTITY_HEADER") || names.Contains("MSI_SECRET"))
        {
            variables[names[1]].Should().Be(endpoint.Secret).And.NotBeEmpty();
        }
    }

    [Test]
    public async Task ServiceFabric_ServesOverHttpsTheCertificateOfItsThumbprint()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.ServiceFabric });
        string? served = null;
        using var http = CreateClient(endpoint, thumbprint => served = thumbprint);

        using var response = await http.SendAsync(Exact(endpoint));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        endpoint.Endpoint.Scheme.Should().Be("https");
        served.Should().NotBeNullOrEmpty().And.Be(endpoint.ServerCertificateThumbprint);
        endpoint.EnvironmentVariables["IDENTITY_SERVER_THUMBPRINT"].Should().Be(served);
    }
}
