namespace Auth.Common.Grants.UserTokens;

/// <summary>The scopes kept with a refresh token the authority just issued (its cache entity's <c>target</c>).</summary>
internal static class RefreshTokenTarget
{
    /// <summary>
    /// Returns the scopes of the refresh token's grant. A new grant (a sign-in) holds what the
    /// response's <c>scope</c> names, or the scopes sent when it names none (RFC 6749 section 5.1). A
    /// refresh token issued on refresh has the scope of the one redeemed (section 6), while the
    /// response's <c>scope</c> is the new access token's and may be narrower: so the redeemed token's
    /// scopes are kept (with any the answer adds), and stay unknown when they were unknown, unless
    /// the refresh sent no <c>scope</c> and so was answered with the whole original grant.
    /// </summary>
    /// <param name="responseScope">The token response's <c>scope</c>.</param>
    /// <param name="sentScope">The <c>scope</c> the request sent, if any.</param>
    /// <param name="redeemed">For a refresh, what was known of the redeemed token's grant; null for a new grant.</param>
    /// <returns>The space-separated scopes, or null when they are unknown.</returns>
    public static string? For(string? responseScope, string? sentScope, RefreshGrantScopes? redeemed)
    {
        var answered = string.IsNullOrWhiteSpace(responseScope) ? null : responseScope.Trim();
        var sent = string.IsNullOrWhiteSpace(sentScope) ? null : sentScope.Trim();
        if (redeemed is null)
        {
            return answered ?? sent;
        }

        if (string.IsNullOrWhiteSpace(redeemed.Granted))
        {
            return sent is null ? answered : null;
        }

        var kept = Split(redeemed.Granted);
        var added = Split(answered ?? sent).Where(s => !kept.Contains(s, StringComparer.OrdinalIgnoreCase));
        return string.Join(' ', kept.Concat(added).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private static string[] Split(string? scopes) =>
        (scopes ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
