using System.Text.Json;

namespace Auth.IntegrationTests.Testing;

/// <summary>The token secrets of one serialized cache blob (MSAL unified schema), by section.</summary>
internal sealed record CacheBlob(IReadOnlyList<CachedSecret> AccessTokens, IReadOnlyList<CachedSecret> RefreshTokens, IReadOnlyList<CachedSecret> IdTokens)
{
    public static CacheBlob Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new CacheBlob(Section(document, "AccessToken"), Section(document, "RefreshToken"), Section(document, "IdToken"));
    }

    private static List<CachedSecret> Section(JsonDocument document, string name) =>
        document.RootElement.TryGetProperty(name, out var section)
            ? section.EnumerateObject().Select(e => new CachedSecret(
                e.Value.GetProperty("home_account_id").GetString() ?? string.Empty,
                e.Value.GetProperty("secret").GetString() ?? string.Empty)).ToList()
            : [];
}

/// <summary>A cached token's account and secret.</summary>
internal sealed record CachedSecret(string HomeAccountId, string Secret);
