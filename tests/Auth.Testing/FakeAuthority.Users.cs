namespace Auth.Testing;

/// <summary>User accounts, the signed-in user and refresh token revocation.</summary>
public sealed partial class FakeAuthority
{
    /// <summary>
    /// The user registered at start: <c>ada@contoso.com</c> / <c>P@ssw0rd!</c>, "Ada Lovelace", a random object id,
    /// in <see cref="TenantId"/>. The authorization endpoint signs it in until <see cref="SignInAs"/> picks another.
    /// </summary>
    public FakeUser DefaultUser => _services.Users.DefaultUser;

    /// <summary>Adds a user account, or replaces the one with the same username (compared case-insensitively).</summary>
    /// <param name="user">The user; its <see cref="FakeUser.ObjectId"/> and <see cref="FakeUser.TenantId"/> must be GUIDs.</param>
    /// <exception cref="ArgumentException">The username or password is empty, or an id is not a GUID.</exception>
    public void RegisterUser(FakeUser user) => _services.Users.Register(user);

    /// <summary>
    /// Chooses the user the authorization endpoint signs in without a page from now on (as if the browser had a
    /// session for it; a browser shown the sign-in page signs in as whoever it enters) and
    /// <see cref="AutoApproveDeviceCodes"/> approves as; registers it like <see cref="RegisterUser"/>.
    /// </summary>
    /// <param name="user">The user.</param>
    public void SignInAs(FakeUser user) => _services.Users.SignInAs(user);

    /// <summary>
    /// Revokes every refresh token issued so far, or those of one user (matched by <see cref="FakeUser.ObjectId"/>):
    /// redeeming one then fails with <c>invalid_grant</c> (AADSTS50173). Tokens issued later are not affected.
    /// </summary>
    /// <param name="user">The user whose tokens to revoke; all users' when <see langword="null"/>.</param>
    public void RevokeRefreshTokens(FakeUser? user = null) => _services.RefreshTokens.Revoke(user?.ObjectId);
}
