using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Auth.Testing.Http;

namespace Auth.Testing.Users;

/// <summary>The per-user claim values that tokens, ID tokens and client_info share.</summary>
internal static class UserClaims
{
    /// <summary>The <c>name</c> claim: the display name, or the username when it has none.</summary>
    public static string DisplayName(FakeUser user) => user.Name.Length > 0 ? user.Name : user.Username;

    /// <summary>The user's home tenant (normalized users always have one).</summary>
    public static string HomeTenant(FakeUser user, string fallback) => user.TenantId ?? fallback;

    /// <summary>
    /// The <c>tid</c> claim: the tenant the request was sent to when the path names one by GUID, else the user's
    /// home tenant (so <c>common</c> and <c>organizations</c> resolve to the user's tenant, as in Entra ID).
    /// </summary>
    public static string TokenTenant(string pathTenant, FakeUser user, string fallback) =>
        Guid.TryParse(pathTenant, out var tenant) ? tenant.ToString() : HomeTenant(user, fallback);

    /// <summary>
    /// The <c>sub</c> claim: pairwise like Entra ID's, stable for a user and client and different across clients:
    /// base64url(SHA-256(oid ":" client_id)), 43 characters.
    /// </summary>
    public static string PairwiseSubject(FakeUser user, string clientId) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.ObjectId}:{clientId}")));

    /// <summary>Entra's client_info: base64url of <c>{"uid":"&lt;oid&gt;","utid":"&lt;home tenant&gt;"}</c>.</summary>
    public static string ClientInfo(FakeUser user, string fallbackTenant) => ClientInfo(user.ObjectId, HomeTenant(user, fallbackTenant));

    /// <summary>
    /// B2C's client_info: the policy (lower case) is part of the user id,
    /// <c>{"uid":"&lt;oid&gt;-&lt;policy&gt;","utid":"&lt;home tenant&gt;"}</c>.
    /// </summary>
    public static string B2CClientInfo(FakeUser user, string policy, string fallbackTenant) =>
        ClientInfo($"{user.ObjectId}-{policy.ToLowerInvariant()}", HomeTenant(user, fallbackTenant));

    /// <summary>
    /// AD FS's <c>unique_name</c>: the down-level logon name <c>DOMAIN\user</c> made from the UPN
    /// (<c>ada@contoso.com</c> gives <c>CONTOSO\ada</c>); the username itself when it has no <c>@</c>.
    /// </summary>
    public static string DownLevelLogonName(FakeUser user)
    {
        var at = user.Username.LastIndexOf('@');
        if (at <= 0 || at == user.Username.Length - 1)
        {
            return user.Username;
        }

        var domain = user.Username[(at + 1)..].Split('.')[0].ToUpperInvariant();
        return $"{domain}\\{user.Username[..at]}";
    }

    private static string ClientInfo(string uid, string utid)
    {
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("uid", uid);
            writer.WriteString("utid", utid);
        });
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
    }
}
