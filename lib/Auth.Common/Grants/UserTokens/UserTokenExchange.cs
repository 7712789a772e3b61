using Auth.Common.Accounts;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Jwt;
using Auth.Common.Logging;
using Auth.Common.Pipeline;
using Auth.Common.Responses;
using Auth.Common.Runtime;

namespace Auth.Common.Grants.UserTokens;

/// <summary>
/// The part every user grant shares: send the grant through the pipeline with the scopes
/// <see cref="UserGrantScopes"/> chooses (and client_info in Entra ID), check the ID token, work out
/// the account, cache the tokens under it (the refresh token with the scopes granted), and build the result.
/// </summary>
internal sealed class UserTokenExchange
{
    private readonly ClientRuntime _runtime;

    public UserTokenExchange(ClientRuntime runtime) => _runtime = runtime;

    public ClientRuntime Runtime => _runtime;

    /// <summary>Sends the grant and caches what it returns; throws the authority's error.</summary>
    public async Task<AuthenticationResult> RedeemAsync(UserGrant grant, CancellationToken cancellationToken)
    {
        var requestedAt = _runtime.Time.GetUtcNow();
        var result = await SendAsync(grant, cancellationToken).ConfigureAwait(false);
        return await StoreAsync(grant, result.GetOrThrow(), requestedAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the grant and returns the pipeline's result, success or error, without caching. A refresh
    /// that would ask for a scope its grant is known to lack is not sent: it fails with
    /// <see cref="AuthErrorCodes.ScopeNotGranted"/>, which only the user can fix.
    /// </summary>
    public Task<PipelineResult<TokenResponseJson>> SendAsync(UserGrant grant, CancellationToken cancellationToken)
    {
        var scope = UserGrantScopes.For(grant);
        if (scope.NotGranted.Count > 0)
        {
            return Task.FromResult(PipelineResult<TokenResponseJson>.Failure(NotGranted(grant, scope.NotGranted)));
        }

        return _runtime.Sender.SendAsync(
            new TokenRequest
            {
                Authority = grant.Authority,
                CorrelationId = grant.CorrelationId,
                ApiId = grant.ApiId,
                CacheInfo = grant.CacheInfo,
                GrantFields = grant.GrantFields,
                Scope = scope.Scope,
                RequestClientInfo = true,
                Claims = grant.Claims,
                ExtraQueryParameters = grant.ExtraQueryParameters,
            },
            cancellationToken);
    }

    /// <summary>Checks the ID token of a successful answer, caches the tokens under their account, and builds the result.</summary>
    public async Task<AuthenticationResult> StoreAsync(UserGrant grant, TokenResponseJson response, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        var claims = string.IsNullOrEmpty(response.IdToken)
            ? null
            : IdTokenValidator.Validate(response.IdToken, _runtime.ClientId, await IssuerAsync(grant, cancellationToken).ConfigureAwait(false), grant.ExpectedNonce, _runtime.Time.GetUtcNow(), _runtime.ClockSkew);
        if (claims is null && grant.ExpectedNonce is not null)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidIdToken, "The authority returned no ID token although openid was requested. Check that the app may use OpenID Connect.");
        }

        var account = AccountIdentity.From(grant.Authority, response.ClientInfo, claims) ?? grant.KnownAccount
            ?? throw new AuthClientException(AuthErrorCodes.InvalidIdToken, "The authority's answer has neither an ID token nor client_info, so the account is unknown. Request the openid scope.");
        var redeemed = grant.IsRefresh ? grant.RefreshTokenScopes ?? RefreshGrantScopes.Unknown : null;
        var refreshTarget = RefreshTokenTarget.For(response.Scope, UserGrantScopes.For(grant).Scope, redeemed);
        var record = UserTokenRecordFactory.Create(
            account, _runtime.ClientId, string.Join(' ', grant.Scopes), response, requestedAt, refreshTarget, grant.UserAssertionHash, QueryParameterKey.Of(grant.ExtraQueryParameters));
        var isNewAccount = await _runtime.Cache.AccessAsync(
            grant.UserAssertionHash ?? account.HomeAccountId,
            isApplicationCache: false,
            (Record: record, Now: requestedAt.ToUnixTimeSeconds(), Replaces: grant.ReplacesOnBehalfOfTokens ? grant.UserAssertionHash : null),
            static (store, save) =>
            {
                if (save.Replaces is { } assertionHash)
                {
                    store.RemoveOnBehalfOf(assertionHash, save.Record.AccessToken.ClientId!);
                }

                return (store.SaveUserTokens(save.Record, save.Now), true);
            },
            cancellationToken).ConfigureAwait(false);
        if (isNewAccount && !string.IsNullOrEmpty(record.Account.LocalAccountId))
        {
            await LocalAccountAliases.SaveAsync(_runtime.Cache, record.Account.LocalAccountId, cancellationToken).ConfigureAwait(false);
        }

        Log.TokenReceived(_runtime.Logger, record.AccessToken.Target!, EpochSeconds.ToDateTimeOffset(record.AccessToken.ExpiresOn!.Value), grant.CorrelationId);
        Log.SignedIn(_runtime.Logger, _runtime.EnablePiiLogging, account.HomeAccountId, account.Username, account.Realm, grant.CorrelationId);
        return ResultFactory.ForUser(
            record.AccessToken,
            record.Account,
            record.IdToken,
            grant.Authority,
            grant.CorrelationId,
            TokenSource.IdentityProvider,
            grant.State,
            grant.ReturnRefreshToken ? response.RefreshToken : null,
            grant.ReturnSpaCode ? response.SpaCode : null);
    }

    /// <summary>The issuer ID tokens from the grant's authority must name: its discovery document's (already fetched to send the grant).</summary>
    private async Task<string> IssuerAsync(UserGrant grant, CancellationToken cancellationToken) =>
        (await _runtime.Metadata.ResolveAsync(grant.Authority, grant.CorrelationId, cancellationToken).ConfigureAwait(false)).Issuer;

    private static InteractionRequiredException NotGranted(UserGrant grant, IReadOnlyList<string> scopes) =>
        new(
            AuthErrorCodes.ScopeNotGranted,
            $"The refresh token was not granted the scope(s) '{string.Join(' ', scopes)}', and this authority (a generic OpenID Provider) refuses a refresh that asks for more than was granted (RFC 6749 section 6). Sign the user in interactively with these scopes.")
        {
            CorrelationId = grant.CorrelationId,
        };
}
