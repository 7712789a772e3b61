using Auth.Benchmarks.Fakes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Row 1b: single-tenant client-credentials cache hit, generic OpenID Provider: ours with
/// <c>ProtocolMode.Oidc</c> and the issuer as authority, MSAL.NET with <c>WithOidcAuthority</c>.
/// </summary>
public class SingleTenantOidcCacheHit : SingleTenantBenchmark
{
    protected override string OursEnvironment => Apps.OidcHost;

    protected override string MsalEnvironment => Apps.OidcHost;

    protected override string Realm => string.Empty;

    protected override Auth.Server.ConfidentialClientApplication CreateOurs(FakeAuthorityHandler handler) => Apps.OursOidc(handler);

    protected override IConfidentialClientApplication CreateMsal(FakeAuthorityHandler handler) => Apps.MsalOidc(handler);
}
