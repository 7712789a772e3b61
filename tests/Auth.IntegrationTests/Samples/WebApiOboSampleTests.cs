using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// The web API sample alone, with its own embedded FakeAuthority and the <c>/dev/token</c> test aid: validates the caller's
/// token and calls its fake Graph on behalf of the user. The whole chain, from a browser sign-in in the web app, is
/// tests/Auth.BrowserTests/Samples/OnBehalfOfChainBrowserTests.
/// </summary>
[TestFixture]
public sealed class WebApiOboSampleTests
{
    [Test]
    public async Task WebApi_CallerToken_IsExchangedOnBehalfOfAndCachedPerToken()
    {
        await using var sample = await SampleProcess.StartAsync("WebApiObo");
        using var client = new HttpClient { BaseAddress = sample.BaseUri };
        var token = await client.GetStringAsync("dev/token");

        var anonymous = await client.GetAsync("me");
        var first = await CallAsync(client, token);
        var second = await CallAsync(client, token);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        first.GetProperty("caller").GetString().Should().Be("Ada Lovelace", sample.Output);
        first.GetProperty("oboTokenSource").GetString().Should().Be("IdentityProvider");
        first.GetProperty("downstreamStatus").GetInt32().Should().Be(200);
        first.GetProperty("callerToken").GetProperty("aud").GetString().Should().Be("sample-web-api");
        var graph = first.GetProperty("downstream");
        graph.GetProperty("displayName").GetString().Should().Be("Ada Lovelace");
        graph.GetProperty("mail").GetString().Should().Be("ada@contoso.com");
        graph.GetProperty("tokenSeen").GetProperty("aud").GetString().Should().Be("https://graph.microsoft.com");
        graph.GetProperty("tokenSeen").GetProperty("azp").GetString().Should().Be("sample-web-api", "the token came from the on-behalf-of exchange");
        second.GetProperty("oboTokenSource").GetString().Should().Be("Cache");
    }

    private static async Task<JsonElement> CallAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
