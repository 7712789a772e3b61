using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>Drives the user flows against a <see cref="FakeAuthority"/> with raw HTTP, as a browser and a client would.</summary>
internal static class UserFlows
{
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
    public const string RedirectUri = "http://127.0.0.1:5055/callback";
    public const string Scope = "openid profile offline_access api://orders/read";

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static Dictionary<string, string> Authorize(string clientId, string? challenge, string scope = Scope) => new()
    {
        ["client_id"] = clientId,
        ["response_type"] = "code",
        ["redirect_uri"] = RedirectUri,
        ["scope"] = scope,
        ["state"] = "state-42",
        ["nonce"] = "nonce-7",
        ["code_challenge"] = challenge ?? string.Empty,
        ["code_challenge_method"] = challenge is null ? string.Empty : "S256",
    };

    /// <summary>GETs the authorization endpoint with these parameters (empty ones left out), without following redirects.</summary>
    public static Task<HttpResponseMessage> GetAuthorizeAsync(HttpClient http, FakeAuthority authority, Dictionary<string, string> parameters) =>
        http.GetAsync(AuthorizeUrl(authority, parameters));

    /// <summary>The authorization endpoint with these parameters in the query (empty ones left out).</summary>
    public static Uri AuthorizeUrl(FakeAuthority authority, Dictionary<string, string> parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value.Length > 0).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{authority.AuthorizationEndpoint}?{query}");
    }

    /// <summary>Signs the current user in for this client and returns the code from the redirect.</summary>
    public static async Task<string> GetCodeAsync(HttpClient http, FakeAuthority authority, string clientId, string challenge, string scope = Scope)
    {
        using var response = await GetAuthorizeAsync(http, authority, Authorize(clientId, challenge, scope));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return RedirectQuery(response)["code"];
    }

    public static Dictionary<string, string> RedirectQuery(HttpResponseMessage response)
    {
        var query = response.Headers.Location!.Query.TrimStart('?');
        return query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]));
    }

    public static Dictionary<string, string> Redeem(string clientId, string code, string? verifier, string redirectUri = RedirectUri)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = redirectUri };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        return form;
    }

    public static Dictionary<string, string> Refresh(string clientId, string refreshToken) =>
        new() { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken };

    public static Dictionary<string, string> Password(string clientId, FakeUser user, string scope = Scope) =>
        new() { ["grant_type"] = "password", ["client_id"] = clientId, ["username"] = user.Username, ["password"] = user.Password, ["scope"] = scope };

    public static Dictionary<string, string> Poll(string clientId, string deviceCode) =>
        new() { ["grant_type"] = DeviceCodeGrant, ["client_id"] = clientId, ["device_code"] = deviceCode };

    /// <summary>Posts a token request and returns the status and JSON body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Json)> TokenAsync(HttpClient http, FakeAuthority authority, Dictionary<string, string> form)
    {
        using var response = await TokenClient.PostAsync(http, authority, form);
        return (response.StatusCode, await TokenClient.JsonAsync(response));
    }

    public static string? Member(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value.GetString() : null;

    public static int ErrorCode(JsonElement json) => json.GetProperty("error_codes")[0].GetInt32();

    /// <summary>Asserts an Entra error answer: HTTP status, OAuth <c>error</c> and AADSTS code.</summary>
    public static void ShouldBeError(HttpStatusCode actualStatus, JsonElement json, HttpStatusCode status, string error, int code)
    {
        actualStatus.Should().Be(status);
        json.GetProperty("error").GetString().Should().Be(error);
        ErrorCode(json).Should().Be(code);
    }
}
