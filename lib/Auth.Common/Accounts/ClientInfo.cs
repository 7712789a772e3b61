using System.Buffers.Text;
using System.Text.Json;

namespace Auth.Common.Accounts;

/// <summary>Entra ID's <c>client_info</c>: base64url JSON with the user's object id (uid) and home tenant (utid).</summary>
internal sealed record ClientInfo(string Uid, string Utid)
{
    /// <summary>The home account id: <c>uid.utid</c>.</summary>
    public string HomeAccountId => $"{Uid}.{Utid}";

    public static ClientInfo? TryParse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 4096 || !Base64Url.IsValid(value))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(value));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.String
                && root.TryGetProperty("utid", out var utid) && utid.ValueKind == JsonValueKind.String
                && uid.GetString() is { Length: > 0 } u && utid.GetString() is { Length: > 0 } t
                    ? new ClientInfo(u, t)
                    : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: uid or utid is not valid UTF-8.
            return null;
        }
    }
}
