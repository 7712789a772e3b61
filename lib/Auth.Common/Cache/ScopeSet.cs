namespace Auth.Common.Cache;

/// <summary>
/// A set of scopes compared case-insensitively. Matching ignores the OIDC scopes
/// (openid, profile, offline_access, email) unless only those were asked for.
/// </summary>
internal sealed class ScopeSet
{
    private static readonly HashSet<string> OidcScopes = new(StringComparer.OrdinalIgnoreCase)
    {
        "openid", "profile", "offline_access", "email",
    };

    private readonly HashSet<string> _scopes;

    private ScopeSet(HashSet<string> scopes) => _scopes = scopes;

    public int Count => _scopes.Count;

    public static ScopeSet Parse(string? target) =>
        new(new HashSet<string>(
            (target ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StringComparer.OrdinalIgnoreCase));

    public static ScopeSet From(IEnumerable<string> scopes) => new(new HashSet<string>(scopes, StringComparer.OrdinalIgnoreCase));

    /// <summary>Returns whether this (cached) set grants every scope in <paramref name="requested"/>.</summary>
    public bool Covers(ScopeSet requested)
    {
        var onlyOidc = requested._scopes.All(OidcScopes.Contains);
        foreach (var scope in requested._scopes)
        {
            if (!onlyOidc && OidcScopes.Contains(scope))
            {
                continue;
            }

            if (!_scopes.Contains(scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns whether this (cached) set grants every scope in <paramref name="requested"/> (distinct, as validated).</summary>
    public bool Covers(IReadOnlyList<string> requested)
    {
        var onlyOidc = true;
        for (var i = 0; i < requested.Count && onlyOidc; i++)
        {
            onlyOidc = OidcScopes.Contains(requested[i]);
        }

        for (var i = 0; i < requested.Count; i++)
        {
            if ((onlyOidc || !OidcScopes.Contains(requested[i])) && !_scopes.Contains(requested[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns whether the two sets share a scope other than the OIDC ones.</summary>
    public bool Intersects(ScopeSet other) =>
        _scopes.Any(s => !OidcScopes.Contains(s) && other._scopes.Contains(s));

    /// <summary>Returns the scopes space-joined in a stable, lower-case order (a lookup key).</summary>
    public string ToKey() => string.Join(' ', _scopes.Select(s => s.ToLowerInvariant()).Order(StringComparer.Ordinal));

    public override string ToString() => string.Join(' ', _scopes);
}
