using Auth.Common.Authority;

namespace Auth.Common.Grants.UserTokens;

/// <summary>
/// The <c>scope</c> a user token request sends. A grant that signs the user in asks for the app's
/// scopes and <c>openid profile offline_access</c>. A refresh asks, in Entra ID (and B2C, CIAM, AD FS),
/// for the same: its refresh tokens are multi-resource. With a generic OpenID Provider it follows
/// RFC 6749 section 6 (the scope "MUST NOT include any scope not originally granted"): it asks only
/// for what the refresh token's grant holds, and never again for <c>offline_access</c>, <c>openid</c> or
/// <c>profile</c> unless they were granted. A requested scope the grant is known to lack is not sent
/// (a strict provider answers <c>invalid_scope</c>): it is returned as not granted, for the caller to
/// ask the user. See docs/refresh-scopes.md.
/// </summary>
internal static class UserGrantScopes
{
    /// <summary>The OIDC scopes added to every sign-in, in the order they are sent.</summary>
    private static readonly string[] Added = ["openid", "profile", "offline_access"];

    /// <summary>Scopes about the user or the refresh token rather than a resource; the cache's matching ignores them too.</summary>
    private static readonly HashSet<string> Oidc = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "offline_access", "email" };

    /// <summary>Chooses the scopes <paramref name="grant"/> sends.</summary>
    public static ScopeSelection For(UserGrant grant) =>
        grant.IsRefresh
            ? ForRefresh(grant.Authority.Mode, grant.Scopes, grant.RefreshTokenScopes ?? RefreshGrantScopes.Unknown)
            : new ScopeSelection(ForSignIn(grant.Scopes), []);

    /// <summary>Returns the app's scopes followed by the OIDC scopes it did not name.</summary>
    public static string ForSignIn(IReadOnlyList<string> requested) =>
        string.Join(' ', requested.Concat(Added.Where(o => !requested.Contains(o, StringComparer.OrdinalIgnoreCase))));

    /// <summary>Chooses the scopes a refresh_token grant asks for.</summary>
    /// <param name="mode">How the library talks to the authority.</param>
    /// <param name="requested">The app's scopes (validated).</param>
    /// <param name="grant">What the cache knows about the refresh token's grant.</param>
    public static ScopeSelection ForRefresh(ProtocolMode mode, IReadOnlyList<string> requested, RefreshGrantScopes grant)
    {
        if (mode == ProtocolMode.AzureAD)
        {
            return new ScopeSelection(ForSignIn(requested), []);
        }

        var resources = requested.Where(s => !Oidc.Contains(s)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var oidc = Added.Concat(requested.Where(Oidc.Contains)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (Parse(grant.Granted) is { } granted)
        {
            var missing = resources.Where(s => !granted.ContainsKey(s)).ToList();
            return missing.Count > 0
                ? new ScopeSelection(null, missing)
                : ScopeSelection.Send(Only(resources.Concat(oidc), granted));
        }

        if (Parse(grant.Seen) is { } seen)
        {
            // Seen scopes are a lower bound of the grant: resource scopes beyond them are asked for as
            // before, OIDC scopes only when seen (a refresh never needs offline_access to be asked again).
            return ScopeSelection.Send([.. resources.Select(s => seen.GetValueOrDefault(s, s)), .. Only(oidc, seen)]);
        }

        return ScopeSelection.Send([.. resources, .. oidc.Where(s => !s.Equals("offline_access", StringComparison.OrdinalIgnoreCase))]);
    }

    /// <summary>Keeps the scopes the grant holds, spelled as the authority granted them (scope values are case-sensitive on the wire).</summary>
    private static List<string> Only(IEnumerable<string> scopes, Dictionary<string, string> grant) =>
        [.. scopes.Where(grant.ContainsKey).Select(s => grant[s])];

    /// <summary>Reads a space-separated target into a case-insensitive map to the authority's spelling; null when empty.</summary>
    private static Dictionary<string, string>? Parse(string? target)
    {
        var scopes = (target ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (scopes.Length == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(scopes.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var scope in scopes)
        {
            map.TryAdd(scope, scope);
        }

        return map;
    }
}
