using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Common.Errors;

namespace Auth.Common.Pipeline;

/// <summary>
/// Builds the <c>claims</c> parameter: the request's claims (for example from a claims
/// challenge) merged with the app's client capabilities as <c>access_token.xms_cc</c>.
/// </summary>
internal static class ClaimsRequest
{
    public static string? Merge(string? requestClaims, IReadOnlyList<string> capabilities)
    {
        if (capabilities.Count == 0)
        {
            return string.IsNullOrWhiteSpace(requestClaims) ? null : requestClaims;
        }

        var root = Parse(requestClaims);
        if (root["access_token"] is not JsonObject accessToken)
        {
            accessToken = [];
            root["access_token"] = accessToken;
        }

        accessToken["xms_cc"] = new JsonObject { ["values"] = new JsonArray([.. capabilities.Select(c => JsonValue.Create(c))]) };
        return root.ToJsonString();
    }

    private static JsonObject Parse(string? claims)
    {
        if (string.IsNullOrWhiteSpace(claims))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(claims) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException ex)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "The request's Claims is not a JSON object. Pass the claims challenge as the authority sent it.", ex);
        }
    }
}
