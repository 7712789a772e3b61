namespace Auth.Common.Authority;

/// <summary>How the library talks to the authority.</summary>
public enum ProtocolMode
{
    /// <summary>Microsoft Entra ID: <c>https://login.microsoftonline.com/{tenant}</c> style authorities, tenant in the first path segment.</summary>
    AzureAD,

    /// <summary>Any standards-compliant OpenID Provider: the authority is the issuer, endpoints come from its discovery document.</summary>
    Oidc,
}
