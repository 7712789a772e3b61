using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>
/// Entra ID user realm discovery (<c>GET /common/userrealm/{username}?api-version=1.0</c>), which MSAL calls before
/// the password grant. Every domain is managed (never federated), so clients go straight to the token endpoint.
/// </summary>
internal static class UserRealm
{
    public const string PathPrefix = "/common/userrealm/";

    public static bool Matches(string? path) =>
        path is not null && path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase) && path.Length > PathPrefix.Length;

    public static HttpReply For(string path)
    {
        var username = Uri.UnescapeDataString(path[PathPrefix.Length..].TrimEnd('/'));
        var at = username.LastIndexOf('@');
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("ver", "1.0");
            writer.WriteString("account_type", "Managed");
            writer.WriteString("domain_name", at < 0 ? username : username[(at + 1)..]);
            writer.WriteString("cloud_instance_name", "microsoftonline.com");
            writer.WriteString("cloud_audience_urn", "urn:federation:MicrosoftOnline");
        });

        return HttpReply.Json(200, json);
    }
}
