using Auth.Testing.Clients;
using Auth.Testing.DeviceCodes;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>
/// The device authorization grant's token request (RFC 8628 §3.4-3.5): polls the device code and answers
/// <c>authorization_pending</c>, <c>slow_down</c>, <c>access_denied</c>, <c>expired_token</c>, or the tokens for
/// the approving user with the scopes of the device authorization request.
/// </summary>
internal sealed class DeviceCodeGrant : ITokenGrant
{
    private readonly UserGrantClientAuthenticator _authenticator;
    private readonly DeviceCodeStore _store;
    private readonly UserTokenMinter _minter;
    private readonly ScopeGrantPolicy _policy;

    public DeviceCodeGrant(UserGrantClientAuthenticator authenticator, DeviceCodeStore store, UserTokenMinter minter, ScopeGrantPolicy policy)
    {
        _policy = policy;
        _authenticator = authenticator;
        _store = store;
        _minter = minter;
    }

    public string GrantType => "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>MSAL.NET polls with Entra's short <c>device_code</c>, which Entra ID accepts too.</summary>
    public IReadOnlyCollection<string> Aliases => ["device_code"];

    public GrantResult Handle(TokenRequestContext request)
    {
        var authentication = _authenticator.Authenticate(request);
        if (authentication.Client is null)
        {
            return GrantResult.Failure(authentication.Error!);
        }

        var deviceCode = request.FormValue("device_code");
        if (deviceCode is null)
        {
            return GrantResult.Failure(AadErrors.MissingParameter("device_code"));
        }

        var entry = _store.FindByDeviceCode(deviceCode);
        if (entry is null)
        {
            return GrantResult.Failure(AadGrantErrors.MalformedGrant());
        }

        if (entry.ClientId != authentication.Client.ClientId)
        {
            return GrantResult.Failure(AadGrantErrors.OtherClientsGrant("device code"));
        }

        var poll = entry.Poll(request.Now);
        if (poll.Value is not { } signIn)
        {
            return GrantResult.Failure(poll.Error!);
        }

        // The fake's device approval has no consent prompt: strict, offline_access is not granted (a refresh token is still issued).
        var granted = _policy.Grant(signIn, consentPrompted: false);
        var scopes = granted.Scopes;
        return GrantResult.Success(_minter.Mint(granted, scopes, request, authentication.Method, scopes.OpenId, ScopeGrantPolicy.IssuesRefreshToken(granted)));
    }
}
