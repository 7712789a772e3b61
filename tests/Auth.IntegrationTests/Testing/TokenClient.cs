using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>Sends raw token requests to a <see cref="FakeAuthority"/> and reads the JSON answers.</summary>
internal static class TokenClient
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static Dictionary<string, string> ClientCredentials(string clientId, string scope = "api://resource/.default") =>
        new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["scope"] = scope };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, FakeAuthority authority, Dictionary<string, string> form, (string Id, string Secret)? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, authority.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        if (basic is { } credentials)
        {
            var raw = Uri.EscapeDataString(credentials.Id) + ":" + Uri.EscapeDataString(credentials.Secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
