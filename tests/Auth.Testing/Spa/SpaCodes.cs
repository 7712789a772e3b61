using Auth.Testing.Authorization;
using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Grants;
using Auth.Testing.Tokens;

namespace Auth.Testing.Spa;

/// <summary>
/// The hybrid SPA flow's codes (Entra ID's <c>return_spa_code=1</c>): issued to a confidential client with its tokens when
/// its registration has a single-page-application redirect URI, and redeemable once, within 10 minutes, only by a
/// browser: a cross-origin request (<c>Origin</c> the origin of a SPA redirect URI of the same client, that
/// <c>redirect_uri</c>), without client authentication and without PKCE.
/// </summary>
internal sealed class SpaCodes
{
    private readonly AuthorizationCodeStore _codes = new();
    private readonly ClientRegistry _clients;

    public SpaCodes(ClientRegistry clients) => _clients = clients;

    /// <summary>A new SPA code for the user's sign-in, or <see langword="null"/> when the client has no SPA redirect URI.</summary>
    public string? Issue(RegisteredClient client, UserSignIn signIn, DateTimeOffset now) =>
        client.SpaRedirectUris.IsEmpty
            ? null
            : _codes.Issue(new AuthorizationCode(signIn with { Nonce = null }, string.Empty, null, now + AuthorizationCodeStore.Lifetime));

    /// <summary>Whether <paramref name="code"/> is a SPA code (so a request without <c>Origin</c> is refused with 9002327).</summary>
    public bool Holds(string code) => _codes.Holds(code);

    /// <summary>Redeems a SPA code in a cross-origin request from <paramref name="origin"/> (9002326 for anything not a SPA's).</summary>
    public Redemption<RedeemedCode> Redeem(TokenRequestContext request, string origin)
    {
        if (UserGrantClientAuthenticator.PresentsCredentials(request))
        {
            return Redemption<RedeemedCode>.Failure(AadGrantErrors.PublicClientWithCredentials());
        }

        var clientId = request.FormValue("client_id");
        var code = request.FormValue("code");
        var redirectUri = request.FormValue("redirect_uri");
        var missing = clientId is null ? "client_id" : code is null ? "code" : redirectUri is null ? "redirect_uri" : null;
        if (missing is not null)
        {
            return Redemption<RedeemedCode>.Failure(AadErrors.MissingParameter(missing));
        }

        if (_clients.Find(clientId!) is not { } client)
        {
            return Redemption<RedeemedCode>.Failure(AadErrors.UnknownClient(clientId!, request.Tenant));
        }

        if (!client.IsSpaRedirect(redirectUri!, origin))
        {
            return Redemption<RedeemedCode>.Failure(AadSpaErrors.CrossOriginNotSpa(origin));
        }

        var redemption = _codes.Redeem(code!, client.ClientId, request.Now);
        return redemption.Value is { } redeemed
            ? Redemption<RedeemedCode>.Success(new RedeemedCode(redeemed, client, ClientAuthMethod.None))
            : Redemption<RedeemedCode>.Failure(redemption.Error!);
    }
}
