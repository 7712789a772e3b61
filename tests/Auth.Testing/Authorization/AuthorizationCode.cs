using Auth.Testing.Tokens;

namespace Auth.Testing.Authorization;

/// <summary>What an authorization code stands for until it is redeemed (once) or expires.</summary>
/// <param name="SignIn">The user, client, scopes, nonce and authentication time.</param>
/// <param name="RedirectUri">The redirect URI of the authorization request, which the redemption must repeat.</param>
/// <param name="CodeChallenge">The S256 PKCE challenge, if the request had one.</param>
/// <param name="ExpiresAt">When the code stops being redeemable.</param>
internal sealed record AuthorizationCode(UserSignIn SignIn, string RedirectUri, string? CodeChallenge, DateTimeOffset ExpiresAt);
