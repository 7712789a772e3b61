using Auth.Testing.Errors;

namespace Auth.Testing.Tokens;

/// <summary>
/// Which scopes a user grant holds and which a refresh may ask for. By default Entra ID's rules: what is asked
/// for is granted, <c>offline_access</c> is not echoed in <c>scope</c>, and a refresh may name any one resource.
/// Strict (<see cref="FakeAuthorityOptions.StrictOpenIdProvider"/>), a certified OpenID Provider's rules as node
/// oidc-provider applies them: <c>offline_access</c> is granted only with <c>prompt=consent</c> (a refresh token is
/// still issued when it was asked for), <c>scope</c> echoes the grant with <c>offline_access</c>, and a refresh may ask
/// only for scopes of the original grant (RFC 6749 §6), else <c>invalid_scope</c>.
/// </summary>
internal sealed class ScopeGrantPolicy
{
    public ScopeGrantPolicy(bool strict) => Strict = strict;

    public bool Strict { get; }

    /// <summary>What the user grants of what the client asked for; strict, <c>offline_access</c> needs <paramref name="consentPrompted"/>.</summary>
    public UserSignIn Grant(UserSignIn asked, bool consentPrompted)
    {
        if (!Strict || consentPrompted || !asked.Scopes.OfflineAccess)
        {
            return asked;
        }

        var granted = string.Join(' ', asked.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "offline_access"));
        return asked with { Scope = granted, RefreshTokenAsked = true };
    }

    /// <summary>Whether the grant gets a refresh token: <c>offline_access</c> was asked for, granted or not.</summary>
    public static bool IssuesRefreshToken(UserSignIn signIn) => signIn.RefreshTokenAsked || signIn.Scopes.OfflineAccess;

    /// <summary>Strict only: the error for a refresh asking for a scope its grant lacks (checked before the token is used up).</summary>
    public AadError? CheckRefresh(ScopeSet? requested, ScopeSet granted)
    {
        var missing = requested?.Values.Where(s => !granted.Has(s)).ToList() ?? [];
        return Strict && missing.Count > 0 ? OidcProviderErrors.RefreshTokenMissingScope() : null;
    }

    /// <summary>The <c>scope</c> of the token response for a token with <paramref name="scopes"/>.</summary>
    public string Echo(ScopeSet scopes) => Strict ? scopes.GrantedWithOfflineAccess : scopes.Granted;
}
