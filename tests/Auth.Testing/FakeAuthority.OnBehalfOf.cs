namespace Auth.Testing;

/// <summary>
/// The On-Behalf-Of grant (<c>grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer</c>,
/// <c>requested_token_use=on_behalf_of</c>) and the user access tokens a web API receives, to exchange with it.
/// </summary>
/// <remarks>
/// The middle-tier client must authenticate (secret, Basic or private_key_jwt): a public client gets
/// <c>invalid_client</c> (AADSTS7000218, or AADSTS700025 when it presents a credential it does not have). The
/// <c>assertion</c> must be an access token of this authority for that client (<c>aud</c> = its client id or
/// <c>api://{client id}</c>), unexpired (5 minutes of skew) and a registered user's delegated token; otherwise the
/// answer is 400 <c>invalid_grant</c>: AADSTS50027 (not a JWT), AADSTS50013 (unknown key, bad signature, foreign
/// issuer or tenant, app-only or ID token), AADSTS500133 (expired or not yet valid), AADSTS500131 (other audience),
/// AADSTS50034 (user not registered). Success gives the same user's tokens for the downstream resource, bound to
/// the middle tier (<c>azp</c>, pairwise <c>sub</c>), with a refresh token for <c>offline_access</c> that the
/// refresh token grant redeems for the middle tier, an ID token for <c>openid</c> and client_info when asked.
/// </remarks>
public sealed partial class FakeAuthority
{
    /// <summary>
    /// Mints, without HTTP, the user access token a web API receives, as the authorization code flow through
    /// <see cref="Authority"/> would issue it when the API's own registration signs the user in: <c>aud</c> =
    /// <c>azp</c> = <paramref name="audienceClientId"/>, <c>scp</c>, <c>idtyp</c> "user", the user's <c>oid</c>,
    /// pairwise <c>sub</c>, <c>tid</c> = <see cref="TenantId"/>, <c>azpacr</c> "1", signed with the authority's key and
    /// timed by its <see cref="TimeProvider"/>. It is accepted as an On-Behalf-Of assertion by that client.
    /// Registers the user like <see cref="RegisterUser"/>.
    /// </summary>
    /// <param name="user">The user; its <see cref="FakeUser.ObjectId"/> and <see cref="FakeUser.TenantId"/> must be GUIDs.</param>
    /// <param name="audienceClientId">The API's client id, e.g. <c>middle-tier-api</c>.</param>
    /// <param name="scopes">The <c>scp</c> names, e.g. <c>access_as_user</c>; of a full scope <c>{resource}/{name}</c> only the name is kept.</param>
    /// <param name="lifetime">The token lifetime, at least 1 second; <see cref="AccessTokenLifetime"/> when <see langword="null"/>.</param>
    /// <returns>The signed JWT.</returns>
    /// <exception cref="ArgumentException">The user is invalid, or the audience and scope names do not make valid scopes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is less than 1 second.</exception>
    public string IssueUserAccessToken(FakeUser user, string audienceClientId, IEnumerable<string> scopes, TimeSpan? lifetime = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(audienceClientId);
        ArgumentNullException.ThrowIfNull(scopes);
        if (lifetime is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(1), nameof(lifetime));
        }

        var normalized = _services.Users.Normalize(user);
        var token = _services.InboundUserTokens.Issue(normalized, audienceClientId, scopes, lifetime);
        _services.Users.Register(normalized);
        return token;
    }
}
