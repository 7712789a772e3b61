using System.Diagnostics.CodeAnalysis;
using Auth.Testing.Errors;

namespace Auth.Testing.Tokens;

/// <summary>
/// A <c>scope</c> parameter of a user grant, read as Entra ID reads it: the OpenID Connect scopes (<c>openid</c>,
/// <c>profile</c>, <c>email</c>, <c>offline_access</c>) and resource scopes <c>{resource}/{name}</c>, where a scope
/// without a resource (<c>User.Read</c>) belongs to Microsoft Graph. The token is for the first resource named.
/// </summary>
internal sealed class ScopeSet
{
    public const string GraphResource = "https://graph.microsoft.com";
    public const string DefaultScopeName = "user_impersonation";
    private static readonly string[] OidcScopes = ["openid", "profile", "email", "offline_access"];

    private readonly string[] _scopes;
    private readonly List<(string Resource, string Name, string Value)> _resourceScopes;

    private ScopeSet(string[] scopes, List<(string Resource, string Name, string Value)> resourceScopes)
    {
        _scopes = scopes;
        _resourceScopes = resourceScopes;
    }

    public bool OpenId => Has("openid");

    public bool OfflineAccess => Has("offline_access");

    /// <summary>The resource of the first resource scope, or <see langword="null"/> when only OIDC scopes were asked for.</summary>
    public string? Resource => _resourceScopes.Count > 0 ? _resourceScopes[0].Resource : null;

    public bool SpansSeveralResources => _resourceScopes.Any(scope => scope.Resource != Resource);

    /// <summary>The <c>scope</c> echoed in the token response: the scopes asked for, without <c>offline_access</c> and other resources.</summary>
    public string Granted => string.Join(' ', _scopes.Where(scope =>
        scope != "offline_access" && (OidcScopes.Contains(scope) || _resourceScopes.Any(r => r.Value == scope && r.Resource == Resource))));

    /// <summary>
    /// The <c>scp</c> claim: the first resource's scope names without the resource prefix (<c>.default</c> stands for
    /// <c>user_impersonation</c>); the OIDC scopes when no resource was asked for.
    /// </summary>
    public string ScopeClaim => Resource is null
        ? string.Join(' ', _scopes.Where(scope => scope != "offline_access"))
        : string.Join(' ', _resourceScopes.Where(r => r.Resource == Resource).Select(r => r.Name == ".default" ? DefaultScopeName : r.Name).Distinct());

    /// <summary>The <c>scope</c> echoed by a strict OpenID Provider: as <see cref="Granted"/>, with <c>offline_access</c> when granted.</summary>
    public string GrantedWithOfflineAccess => string.Join(' ', _scopes.Where(scope =>
        OidcScopes.Contains(scope) || _resourceScopes.Any(r => r.Value == scope && r.Resource == Resource)));

    /// <summary>The scopes, as asked for (distinct).</summary>
    public IReadOnlyList<string> Values => _scopes;

    public bool Has(string scope) => _scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>Parses a space-separated scope list; fails with <c>invalid_scope</c> (AADSTS70011) on an empty or malformed one.</summary>
    public static bool TryParse(string? scope, [NotNullWhen(true)] out ScopeSet? scopes, [NotNullWhen(false)] out AadError? error)
    {
        scopes = null;
        error = null;
        var values = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (values.Length == 0)
        {
            error = AadErrors.InvalidScope();
            return false;
        }

        var resourceScopes = new List<(string Resource, string Name, string Value)>();
        foreach (var value in values.Where(value => !OidcScopes.Contains(value)))
        {
            var slash = value.LastIndexOf('/');
            var resource = slash < 0 ? GraphResource : value[..slash];
            var name = value[(slash + 1)..];
            if (name.Length == 0 || resource.Length == 0 || resource.EndsWith('/'))
            {
                error = AadErrors.InvalidScope();
                return false;
            }

            resourceScopes.Add((resource, name, value));
        }

        scopes = new ScopeSet(values, resourceScopes);
        return true;
    }

    /// <summary>
    /// Parses the <c>scope</c> of a token request, which Entra ID limits to one resource: scopes of several resources
    /// fail with <c>invalid_scope</c> (AADSTS28000), though an authorization request may name several for consent.
    /// </summary>
    public static bool TryParseForToken(string? scope, [NotNullWhen(true)] out ScopeSet? scopes, [NotNullWhen(false)] out AadError? error)
    {
        if (!TryParse(scope, out scopes, out error))
        {
            return false;
        }

        if (scopes.SpansSeveralResources)
        {
            error = AadGrantErrors.SeveralResources(scope!);
            scopes = null;
            return false;
        }

        return true;
    }

    public override string ToString() => string.Join(' ', _scopes);
}
