namespace Auth.Testing.Endpoints;

/// <summary>Which Microsoft authority the fake plays for one request, decided by its host and path.</summary>
internal enum AuthorityKind
{
    /// <summary>Entra ID (workforce), any cloud or region: <c>/{tenant}/oauth2/v2.0/…</c>.</summary>
    Entra,

    /// <summary>Entra External ID (CIAM): Entra's paths on a <c>*.ciamlogin.com</c> host.</summary>
    Ciam,

    /// <summary>Azure AD B2C: <c>[/tfp]/{tenant}/{policy}/…</c>.</summary>
    B2C,

    /// <summary>AD FS: <c>/adfs/…</c>.</summary>
    Adfs,
}
