using System.Text.Json;

namespace Auth.Common.Jwt;

/// <summary>Reads the <c>aud</c> claim (RFC 7519 section 4.1.3): one string, or an array of strings.</summary>
internal static class JwtAudience
{
    /// <summary>Returns the audiences, or null when the claim is neither a string nor an array of strings.</summary>
    /// <param name="value">The claim as <see cref="JwtPayload"/> flattened it (an array keeps its JSON text).</param>
    /// <param name="kind">The claim's JSON kind.</param>
    public static IReadOnlyList<string>? TryRead(string value, JsonValueKind kind)
    {
        if (kind == JsonValueKind.String)
        {
            return [value];
        }

        if (kind != JsonValueKind.Array)
        {
            return null;
        }

        using var document = JsonDocument.Parse(value);
        var audiences = new List<string>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            audiences.Add(element.GetString()!);
        }

        return audiences;
    }
}
