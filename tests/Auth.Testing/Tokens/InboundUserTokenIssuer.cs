using Auth.Testing.Clients;
using Auth.Testing.Endpoints;

namespace Auth.Testing.Tokens;

/// <summary>
/// Mints, without HTTP, the user access token a web API receives: the token the authorization code flow issues when
/// the API's own registration signs the user in for scopes of itself (<c>aud</c> = <c>azp</c> = the API's client id).
/// </summary>
internal sealed class InboundUserTokenIssuer
{
    private readonly AccessTokenIssuer _accessTokens;
    private readonly AuthorityUrls _urls;
    private readonly TimeProvider _timeProvider;

    public InboundUserTokenIssuer(AccessTokenIssuer accessTokens, AuthorityUrls urls, TimeProvider timeProvider)
    {
        _accessTokens = accessTokens;
        _urls = urls;
        _timeProvider = timeProvider;
    }

    /// <param name="user">A validated user, tenant id filled in (the caller registers it).</param>
    /// <param name="audienceClientId">The API's client id: <c>aud</c>, <c>azp</c>, and the client of the pairwise <c>sub</c>.</param>
    /// <param name="scopes">The <c>scp</c> names; of a full scope value <c>{resource}/{name}</c> only the name is kept.</param>
    /// <param name="lifetime">The lifetime; the configured access token lifetime when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">No scope names, or the audience and names do not make valid scopes.</exception>
    public string Issue(FakeUser user, string audienceClientId, IEnumerable<string> scopes, TimeSpan? lifetime)
    {
        var names = scopes.Select(name => name?.Trim() ?? string.Empty).Select(name => name[(name.LastIndexOf('/') + 1)..]).ToArray();
        if (names.Length == 0 || names.Any(name => name.Length == 0 || name.Contains(' ', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Give at least one scope name, none empty or with spaces.", nameof(scopes));
        }

        var scope = string.Join(' ', names.Select(name => $"{audienceClientId}/{name}"));
        if (!ScopeSet.TryParseForToken(scope, out var parsed, out _) || parsed.Resource != audienceClientId)
        {
            throw new ArgumentException($"The audience '{audienceClientId}' and the scope names do not make valid scopes.", nameof(audienceClientId));
        }

        var now = _timeProvider.GetUtcNow();
        var signIn = new UserSignIn(user, audienceClientId, scope, now);
        return _accessTokens.IssueUserToken(signIn, parsed, _urls.TenantId, ClientAuthMethod.SecretPost, now, _urls.HomeProfile, lifetime).AccessToken;
    }
}
