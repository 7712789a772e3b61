using System.Text.Json;
using Auth.Common.Responses;

namespace WebApp;

/// <summary>The web API's answer as a page: Graph's profile of the user, then each hop with the token it carried.</summary>
internal static class ChainView
{
    public static string Render(WebApiSettings api, AuthenticationResult apiToken, JsonElement answer)
    {
        var downstream = answer.GetProperty("downstream");
        var status = answer.GetProperty("downstreamStatus").GetInt32();
        var profile = status is >= 200 and < 300 && downstream.ValueKind == JsonValueKind.Object
            ? Page.Table(Scalars(downstream), "profile")
            : Page.Error($"Graph answered the web API {status}: {downstream}");
        var seen = downstream.ValueKind == JsonValueKind.Object && downstream.TryGetProperty("tokenSeen", out var token) ? token : default;
        var challenge = Text(answer, "claimsChallenge") is { } claims ? $", after a claims challenge for {claims}" : string.Empty;
        return "<p class=\"note\">This page asked the web API, which asked Microsoft Graph on behalf of you. Under each hop: the token it carried, "
            + "and its audience (aud), client (azp) and scopes (scp) as the receiving side saw them.</p>"
            + $"<h2>Microsoft Graph: your profile</h2>{profile}"
            + "<h2>Hop 1: this web app → the web API</h2>"
            + Page.Table(
                [
                    ("token", $"for {api.Scope}, from {apiToken.Source}"),
                    ("called", new Uri(api.BaseUrl, "me").AbsoluteUri),
                    ("caller", Text(answer, "caller")),
                    .. TokenRows(answer.GetProperty("callerToken")),
                ],
                "hop1")
            + "<h2>Hop 2: the web API → Graph, on behalf of you</h2>"
            + Page.Table(
                [
                    ("token", $"for {Text(answer, "oboScope")}, from {Text(answer, "oboTokenSource")} (on-behalf-of){challenge}"),
                    ("called", Text(answer, "downstreamUrl")),
                    ("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    .. seen.ValueKind == JsonValueKind.Object ? TokenRows(seen) : [("seen by Graph", "not reported (the real Graph does not echo tokens)")],
                ],
                "hop2");
    }

    /// <summary>The audience, client and scopes of a token, as the receiving side reported them.</summary>
    private static IEnumerable<(string, string?)> TokenRows(JsonElement token) =>
        [("aud", Text(token, "aud")), ("azp", Text(token, "azp")), ("scp", Text(token, "scp"))];

    private static IEnumerable<(string, string?)> Scalars(JsonElement json) => json.EnumerateObject()
        .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        .Select(p => (p.Name, (string?)p.Value.ToString()));

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
