using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Auth.Testing.Errors;
using Auth.Testing.Jwt;

namespace Auth.Testing.Clients;

/// <summary>
/// Validates a federated client assertion (workload identity federation, e.g. a managed identity token) as Entra ID
/// does: a federated credential of the client with the assertion's <c>iss</c> and <c>sub</c> (else AADSTS70021), its
/// <c>aud</c> among the assertion's (else AADSTS700212), an RS256/PS256 signature by a key of the credential's JWKS,
/// and <c>exp</c>/<c>nbf</c> within a 5 minute skew (else AADSTS700027).
/// </summary>
internal static class FederatedAssertionValidator
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>Whether the client has federated credentials and the assertion is not self-issued (<c>iss</c> ≠ client id), so it is a federated one.</summary>
    public static bool IsFederated(string assertion, RegisteredClient client) =>
        !client.FederatedCredentials.IsEmpty
        && CompactJwt.TryParse(assertion, out var jwt)
        && jwt.ClaimString("iss") != client.ClientId;

    /// <returns><see langword="null"/> when valid; otherwise the error to answer with.</returns>
    public static AadError? Validate(string assertion, RegisteredClient client, DateTimeOffset now)
    {
        if (!CompactJwt.TryParse(assertion, out var jwt))
        {
            return AadErrors.InvalidClientAssertion("the client assertion is not a well-formed signed JWT.");
        }

        var issuer = jwt.ClaimString("iss");
        var subject = jwt.ClaimString("sub");
        var audiences = Audiences(jwt.Payload);
        var matches = client.FederatedCredentials.Where(c => c.Issuer == issuer && c.Subject == subject).ToList();
        if (matches.Count == 0)
        {
            return AadErrors.NoMatchingFederatedIdentity(issuer, subject, string.Join(",", audiences));
        }

        var credential = matches.FirstOrDefault(c => audiences.Contains(c.Audience));
        if (credential is null)
        {
            return AadErrors.FederatedAudienceMismatch(string.Join(",", audiences));
        }

        RSASignaturePadding? padding = jwt.HeaderString("alg") switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        };
        if (padding is null || !credential.Keys.Verifies(jwt, jwt.HeaderString("kid"), padding))
        {
            return AadErrors.InvalidClientAssertion("the signature does not verify with a key of the federated credential's issuer.");
        }

        return CheckLifetime(jwt, now);
    }

    private static AadError? CheckLifetime(CompactJwt jwt, DateTimeOffset now)
    {
        var expires = jwt.ClaimTime("exp");
        if (expires is null || expires.Value + Skew <= now)
        {
            return AadErrors.InvalidClientAssertion(expires is null
                ? "the 'exp' claim is missing."
                : $"the client assertion expired at {expires.Value.ToString("u", CultureInfo.InvariantCulture)}.");
        }

        var notBefore = jwt.ClaimTime("nbf");
        return notBefore is not null && notBefore.Value - Skew > now
            ? AadErrors.InvalidClientAssertion($"the client assertion is not valid before {notBefore.Value.ToString("u", CultureInfo.InvariantCulture)}.")
            : null;
    }

    private static List<string> Audiences(JsonElement payload)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return [];
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
            _ => [],
        };
    }
}
