using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// The web samples with the downstream API's Conditional Access demo on (<c>Downstream__RequireAuthContext=true</c>):
/// the first call is answered 401 with a claims challenge; the sample parses it, asks the authority again with the
/// claims (merged with its <c>cp1</c> capability) and the second call succeeds.
/// </summary>
[TestFixture]
public sealed class ClaimsChallengeSampleTests
{
    private static readonly Dictionary<string, string> RequireAuthContext = new() { ["Downstream__RequireAuthContext"] = "true" };

    [Test]
    public async Task WebApiObo_ClaimsChallenge_IsAnsweredWithAnOboTokenCarryingTheClaims()
    {
        await using var sample = await SampleProcess.StartAsync("WebApiObo", RequireAuthContext);
        using var client = new HttpClient { BaseAddress = sample.BaseUri };
        var token = await client.GetStringAsync("dev/token");

        var first = await MeAsync(client, token);
        var second = await MeAsync(client, token);
        var sent = await ClaimsSentAsync(client);

        first.GetProperty("downstreamStatus").GetInt32().Should().Be(200, sample.Output);
        first.GetProperty("claimsChallenge").GetString().Should().Contain("\"acrs\"");
        first.GetProperty("oboTokenSource").GetString().Should().Be("IdentityProvider");
        second.GetProperty("claimsChallenge").ValueKind.Should().Be(JsonValueKind.Null, "the token obtained with the claims is the cached one now");
        second.GetProperty("oboTokenSource").GetString().Should().Be("Cache");
        second.GetProperty("downstreamStatus").GetInt32().Should().Be(200);
        sent.Should().HaveCount(2).And.OnlyContain(s => s.GrantType == "urn:ietf:params:oauth:grant-type:jwt-bearer");
        ShouldBeCapabilitiesOnly(sent[0].Claims);
        ShouldBeChallengeAndCapabilities(sent[1].Claims);
    }

    [Test]
    public async Task WebApp_ClaimsChallenge_IsAnsweredWithASilentTokenCarryingTheClaims()
    {
        await using var sample = await SampleProcess.StartAsync("WebApp", RequireAuthContext);
        using var browser = new CookieBrowser();

        var signedIn = await browser.GetAsync(new Uri(sample.BaseUri, "signin"));
        var again = await browser.GetAsync(sample.BaseUri);
        using var client = new HttpClient { BaseAddress = sample.BaseUri };
        var sent = await ClaimsSentAsync(client);

        signedIn.Body.Should().Contain("200 ").And.Contain("Hello from the downstream API").And.Contain("(token from IdentityProvider, after a claims challenge)", sample.Output);
        again.Body.Should().Contain("Hello from the downstream API").And.Contain("(token from Cache)");
        sent.Select(s => s.GrantType).Should().Equal("authorization_code", "refresh_token");
        ShouldBeCapabilitiesOnly(sent[0].Claims);
        ShouldBeChallengeAndCapabilities(sent[1].Claims);
    }

    private static void ShouldBeCapabilitiesOnly(string? claims) =>
        JsonNode.Parse(claims!)!.ToJsonString().Should().Be("""{"access_token":{"xms_cc":{"values":["cp1"]}}}""");

    private static void ShouldBeChallengeAndCapabilities(string? claims)
    {
        var accessToken = JsonNode.Parse(claims!)!["access_token"]!;
        accessToken["acrs"]!["value"]!.GetValue<string>().Should().Be("c1");
        accessToken["acrs"]!["essential"]!.GetValue<bool>().Should().BeTrue();
        accessToken["xms_cc"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("cp1");
    }

    private static async Task<JsonElement> MeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<List<(string GrantType, string? Claims)>> ClaimsSentAsync(HttpClient client)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync("dev/claims-sent")).RootElement;
        return [.. json.EnumerateArray().Select(e => (e.GetProperty("grantType").GetString()!, e.GetProperty("claims").GetString()))];
    }
}
