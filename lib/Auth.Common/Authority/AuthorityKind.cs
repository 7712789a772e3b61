namespace Auth.Common.Authority;

/// <summary>
/// The kinds of authority the library recognises from the authority URL. The kind only decides how the library talks
/// to the authority (client_info, metadata path, account type); it never makes a host trusted (<see cref="AuthorityTrust"/>).
/// </summary>
internal enum AuthorityKind
{
    /// <summary>Microsoft Entra ID (any cloud): <c>https://{host}/{tenant}</c>.</summary>
    EntraId,

    /// <summary>Azure AD B2C: <c>https://{tenant}.b2clogin.com/tfp/{tenant}/{policy}</c> or <c>/{tenant}/{policy}</c>.</summary>
    B2C,

    /// <summary>Active Directory Federation Services: <c>https://{host}/adfs</c>.</summary>
    Adfs,

    /// <summary>Microsoft Entra External ID (CIAM): <c>https://{tenant}.ciamlogin.com[/{tenant}]</c>.</summary>
    Ciam,

    /// <summary>Any OpenID Provider (<see cref="ProtocolMode.Oidc"/>).</summary>
    Generic,
}
