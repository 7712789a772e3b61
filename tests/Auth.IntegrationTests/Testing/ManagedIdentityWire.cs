using System.Net;
using System.Net.Security;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>Builds the exact requests MSAL.NET sends to each managed identity source, independently of the fake, and reads the answers.</summary>
internal static class ManagedIdentityWire
{
    public const string Resource = "https://management.azure.com";

    /// <summary>A client that pins Service Fabric's certificate by thumbprint, as MSAL.NET does; no proxy.</summary>
    public static HttpClient CreateClient(FakeManagedIdentityEndpoint endpoint, Action<string>? servedThumbprint = null) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    var thumbprint = certificate?.GetCertHashString();
                    servedThumbprint?.Invoke(thumbprint ?? string.Empty);
                    return errors == SslPolicyErrors.None || string.Equals(thumbprint, endpoint.ServerCertificateThumbprint, StringComparison.OrdinalIgnoreCase);
                },
            },
        });

    /// <summary>The request MSAL.NET sends for <paramref name="resource"/>, with the identity parameter <paramref name="id"/> when given.</summary>
    public static HttpRequestMessage Exact(FakeManagedIdentityEndpoint endpoint, string resource = Resource, (string Name, string Value)? id = null)
    {
        var source = endpoint.Source;
        if (source == FakeManagedIdentitySource.CloudShell)
        {
            var form = new Dictionary<string, string> { ["resource"] = resource };
            if (id is { } formId)
            {
                form[formId.Name] = formId.Value;
            }

            var post = new HttpRequestMessage(HttpMethod.Post, endpoint.Endpoint) { Content = new FormUrlEncodedContent(form) };
            post.Headers.Add("Metadata", "true");
            return post;
        }

        var query = $"api-version={ApiVersion(source)}&resource={Uri.EscapeDataString(resource)}";
        if (source == FakeManagedIdentitySource.MachineLearning && id is null)
        {
            id = ("clientid", endpoint.EnvironmentVariables["DEFAULT_IDENTITY_CLIENT_ID"]);
        }

        if (id is { } queryId)
        {
            query += $"&{queryId.Name}={Uri.EscapeDataString(queryId.Value)}";
        }

        var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(endpoint.Endpoint) { Query = query }.Uri);
        switch (source)
        {
            case FakeManagedIdentitySource.AppService:
                request.Headers.Add("X-IDENTITY-HEADER", endpoint.Secret);
                break;
            case FakeManagedIdentitySource.ServiceFabric:
                request.Headers.Add("secret", endpoint.Secret);
                break;
            case FakeManagedIdentitySource.MachineLearning:
                request.Headers.Add("Metadata", "true");
                request.Headers.Add("secret", endpoint.Secret);
                break;
            default:
                request.Headers.Add("Metadata", "true");
                break;
        }

        return request;
    }

    public static string ApiVersion(FakeManagedIdentitySource source) => source switch
    {
        FakeManagedIdentitySource.Imds => "2018-02-01",
        FakeManagedIdentitySource.AppService => "2019-08-01",
        FakeManagedIdentitySource.AzureArc => "2020-06-01",
        FakeManagedIdentitySource.ServiceFabric => "2020-05-01",
        FakeManagedIdentitySource.MachineLearning => "2017-09-01",
        _ => string.Empty,
    };

    /// <summary>Sends a request built by <paramref name="build"/>; for Azure Arc answers the key-file challenge as MSAL.NET does.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, FakeManagedIdentityEndpoint endpoint, Func<HttpRequestMessage> build)
    {
        using var first = build();
        var response = await http.SendAsync(first);
        if (endpoint.Source != FakeManagedIdentitySource.AzureArc || response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var key = await File.ReadAllTextAsync(ChallengedPath(response));
        response.Dispose();
        using var second = build();
        second.Headers.TryAddWithoutValidation("Authorization", "Basic " + key);
        return await http.SendAsync(second);
    }

    /// <summary>The key file path of an Arc challenge: what follows <c>Basic realm=</c>.</summary>
    public static string ChallengedPath(HttpResponseMessage challenge)
    {
        var header = challenge.Headers.GetValues("WWW-Authenticate").Single();
        header.Should().StartWith("Basic realm=");
        return header["Basic realm=".Length..];
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage Without(HttpRequestMessage request, string header)
    {
        request.Headers.Remove(header);
        return request;
    }

    public static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + key);
        return request;
    }
}
