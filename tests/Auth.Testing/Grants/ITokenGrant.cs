using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>One OAuth 2.0 grant type served by the token endpoint; add a class per grant to support more.</summary>
internal interface ITokenGrant
{
    /// <summary>The <c>grant_type</c> value handled, e.g. <c>client_credentials</c>; advertised in discovery.</summary>
    string GrantType { get; }

    /// <summary>Other <c>grant_type</c> values Entra ID accepts for this grant (not advertised), e.g. <c>device_code</c>.</summary>
    IReadOnlyCollection<string> Aliases => [];

    GrantResult Handle(TokenRequestContext request);
}
