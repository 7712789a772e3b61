using System.Text.Json;
using Auth.Common.Authority;

namespace Auth.Common.Accounts;

/// <summary>Who a user token belongs to, derived from client_info and the ID token (CACHE-SCHEMA.md "Meanings").</summary>
internal sealed record AccountIdentity(
    string HomeAccountId,
    string Environment,
    string Realm,
    string? LocalAccountId,
    string? Username,
    string? Name,
    string? ClientInfo,
    string AuthorityType)
{
    /// <summary>
    /// Entra ID: home account id from client_info (uid.utid). A generic OpenID Provider: the ID token's sub scoped to
    /// the issuer (<see cref="IssuerScopedAccountId"/>). AD FS: the sub. Returns null when there is no id.
    /// </summary>
    public static AccountIdentity? From(AuthorityInfo authority, string? clientInfo, IReadOnlyDictionary<string, string>? claims)
    {
        var info = authority.SendsClientInfo ? Accounts.ClientInfo.TryParse(clientInfo) : null;
        var sub = claims?.GetValueOrDefault("sub");
        var home = info?.HomeAccountId ?? (string.IsNullOrEmpty(sub) || !IssuerScopedAccountId.Applies(authority) ? sub : IssuerScopedAccountId.For(authority, sub));
        if (string.IsNullOrEmpty(home))
        {
            return null;
        }

        return new AccountIdentity(
            home,
            authority.Environment,
            claims?.GetValueOrDefault("tid") ?? info?.Utid ?? authority.Tenant,
            claims?.GetValueOrDefault("oid") ?? sub ?? info?.Uid,
            claims?.GetValueOrDefault("preferred_username") ?? claims?.GetValueOrDefault("upn") ?? FirstEmail(claims),
            claims?.GetValueOrDefault("name"),
            info is null ? null : clientInfo,
            authority.AccountAuthorityType);
    }

    private static string? FirstEmail(IReadOnlyDictionary<string, string>? claims)
    {
        if (claims is null)
        {
            return null;
        }

        if (claims.TryGetValue("email", out var email))
        {
            return email;
        }

        if (claims.TryGetValue("emails", out var emails) && emails.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(emails);
                return document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).FirstOrDefault(e => e is not null);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }
}
