namespace Auth.Testing;

/// <summary>Options for <see cref="FakeAuthority.Start(FakeAuthorityOptions?)"/>.</summary>
public sealed record FakeAuthorityOptions
{
    /// <summary>
    /// Serve over HTTPS with a freshly generated self-signed certificate for <c>localhost</c> (default),
    /// or over plain HTTP when <see langword="false"/>.
    /// </summary>
    public bool UseHttps { get; init; } = true;

    /// <summary>
    /// The loopback port to listen on, for an authority that other processes find at a known address (e.g. a
    /// command-line tool's runs). A free port is chosen when <see langword="null"/> (default; what tests want).
    /// </summary>
    public int? Port { get; init; }

    /// <summary>The tenant id (a GUID string). A random GUID is used when <see langword="null"/>.</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// The clock for issued tokens (<c>iat</c>, <c>nbf</c>, <c>exp</c>), client-assertion lifetime checks and
    /// error timestamps. <see cref="TimeProvider.System"/> when <see langword="null"/>.
    /// Scripted slow responses always wait in real time.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// How many token requests <see cref="FakeAuthority.TokenRequests"/> keeps (the most recent ones);
    /// bounds memory under load tests. Default 10,000. Counters are never bounded.
    /// </summary>
    public int MaxCapturedTokenRequests { get; init; } = 10_000;

    /// <summary>
    /// Virtual host names (DNS names, no scheme or port), e.g. <c>login.microsoftonline.com</c>, <c>login.windows.net</c>,
    /// <c>contoso.b2clogin.com</c>, <c>contoso.ciamlogin.com</c>, <c>westus.login.microsoft.com</c>, <c>adfs.contoso.com</c>,
    /// that <see cref="FakeAuthority.CreateHttpMessageHandler"/> routes to the authority; see <see cref="FakeAuthority.AddHost"/>. Empty by default.
    /// </summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>
    /// Play a strict, certified OpenID Provider for user grants, as node oidc-provider behaves: <c>offline_access</c> is
    /// granted only when the authorization request has <c>prompt=consent</c> (never by the password and device code
    /// grants, which have no consent prompt here), though a refresh token is still issued when it was asked for; the
    /// token response's <c>scope</c> names the scopes granted, <c>offline_access</c> included when granted; the
    /// authorization code grant ignores <c>scope</c> (the code's grant applies); and a refresh whose <c>scope</c> names
    /// any scope not in the original grant fails, before the refresh token is used up, with <c>invalid_scope</c>
    /// "refresh token missing requested scope" (RFC 6749 §6), a plain OAuth error without AADSTS fields.
    /// Default <see langword="false"/>: Entra ID's behaviour.
    /// </summary>
    public bool StrictOpenIdProvider { get; init; }

    /// <summary>
    /// Spell the default port out in every URL and issuer the authority writes (<c>https://{host}:443/…</c>) when the
    /// request's Host header names none, as some providers publish their issuer. <see langword="false"/> by default.
    /// </summary>
    public bool SpellDefaultPort { get; init; }

    /// <summary>
    /// Play an authority with RFC 9207: the discovery document has <c>authorization_response_iss_parameter_supported: true</c>
    /// and every authorization response, code or error, carries <c>iss</c> (the document's issuer). <see langword="false"/> by default,
    /// as Entra ID, B2C and AD FS do not send it.
    /// </summary>
    public bool AuthorizationResponseIssuer { get; init; }
}
