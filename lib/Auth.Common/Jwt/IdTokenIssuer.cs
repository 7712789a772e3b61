using Auth.Common.Authority;

namespace Auth.Common.Jwt;

/// <summary>
/// Compares an ID token's <c>iss</c> with the issuer of the authority's discovery document (OpenID Connect Core 1.0
/// section 3.1.3.7, step 2), as URLs the way <see cref="IssuerComparer"/> compares the document with the authority.
/// Entra's multi-tenant authorities (<c>common</c>, <c>organizations</c>) publish the template
/// <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>: the token's own <c>tid</c> fills it in, so the check
/// still pins the host, the path shape and the tenant the token says it is from.
/// </summary>
internal static class IdTokenIssuer
{
    private const string TenantTemplate = "{tenantid}";

    /// <summary>Returns whether <paramref name="issuer"/> is the one <paramref name="expectedIssuer"/> names.</summary>
    /// <param name="issuer">The token's <c>iss</c>.</param>
    /// <param name="tenantId">The token's <c>tid</c>, if any, for a templated <paramref name="expectedIssuer"/>.</param>
    /// <param name="expectedIssuer">The discovery document's <c>issuer</c>.</param>
    public static bool Matches(string issuer, string? tenantId, string expectedIssuer)
    {
        var expected = expectedIssuer;
        if (expected.Contains(TenantTemplate, StringComparison.OrdinalIgnoreCase))
        {
            if (!IsTenantSegment(tenantId))
            {
                return false;
            }

            expected = expected.Replace(TenantTemplate, tenantId, StringComparison.OrdinalIgnoreCase);
        }

        return AuthorityUrl.TryCreate(expected, out var uri) && IssuerComparer.SameIssuer(issuer, uri);
    }

    /// <summary>A tenant id fills one path segment: letters, digits and hyphens only (Entra's are GUIDs).</summary>
    private static bool IsTenantSegment([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? tenantId) =>
        !string.IsNullOrEmpty(tenantId) && tenantId.Length <= 64 && tenantId.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
