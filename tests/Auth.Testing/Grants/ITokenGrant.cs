using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>One OAuth 2.0 grant type served by the token endpoint; add a class per grant to support more.</summary>
internal interface ITokenGrant
{
    /// <summary>The <c>grant_type</c> value handled, e.g. <c>client_credentials</c>.</summary>
    string GrantType { get; }

    GrantResult Handle(TokenRequestContext request);
}
