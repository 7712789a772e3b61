using System.Security.Cryptography;
using System.Text;
using Auth.Common.Authority;

namespace Auth.Common.Accounts;

/// <summary>
/// The home account id of a user of a generic OpenID Provider (<see cref="ProtocolMode.Oidc"/>): <c>{sub}~{tag}</c>,
/// where the tag is the first 128 bits, in lower-case hex, of SHA-256 over <c>{issuer}\n{sub}</c>. OpenID Connect
/// identifies a user by (<c>iss</c>, <c>sub</c>), and the MSAL cache schema has no issuer field (the environment is the
/// host, the realm of a generic authority is empty), so the issuer goes into the id: every entry of the user's
/// (account, ID, access and refresh tokens) and their partition are then the issuer's alone. The <c>sub</c> is hashed
/// in too, so two subjects that differ only in case keep apart under the schema's lower-cased keys. The separator is not
/// Entra ID's dot: msal-node takes what follows the first dot of a home account id as the home tenant and looks the
/// account entry up under it, which would miss this account (its realm stays empty, as both MSALs write for OIDC).
/// </summary>
internal static class IssuerScopedAccountId
{
    private const int TagBytes = 16;
    private const char Separator = '~';

    /// <summary>
    /// Returns whether home account ids of <paramref name="authority"/> are issuer-scoped: in OpenID Connect mode, whatever
    /// the host (Entra ID's client_info, which names the tenant, is not requested there).
    /// </summary>
    public static bool Applies(AuthorityInfo authority) => authority.Mode == ProtocolMode.Oidc || authority.Kind == AuthorityKind.Generic;

    /// <summary>Returns the home account id of the user <paramref name="sub"/> of <paramref name="authority"/>.</summary>
    public static string For(AuthorityInfo authority, string sub) => $"{sub}{Separator}{Tag(authority.IssuerKey, sub)}";

    /// <summary>
    /// Returns whether <paramref name="homeAccountId"/> is the id of one of <paramref name="authority"/>'s users: its tag
    /// is the one this issuer gives its <c>sub</c> (compared case-sensitively). False for an id another issuer gave,
    /// and for a bare <c>sub</c>, the id MSAL.NET, msal-node and earlier versions of Auth write, which names no issuer.
    /// </summary>
    public static bool BelongsTo(string homeAccountId, AuthorityInfo authority)
    {
        var separator = homeAccountId.Length - (TagBytes * 2) - 1;
        if (separator <= 0 || homeAccountId[separator] != Separator)
        {
            return false;
        }

        var sub = homeAccountId[..separator];
        return string.Equals(homeAccountId[(separator + 1)..], Tag(authority.IssuerKey, sub), StringComparison.Ordinal);
    }

    private static string Tag(string issuer, string sub)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}\n{sub}"), hash);
        return Convert.ToHexStringLower(hash[..TagBytes]);
    }
}
