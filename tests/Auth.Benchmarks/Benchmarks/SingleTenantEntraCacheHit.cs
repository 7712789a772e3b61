using Auth.Benchmarks.Fakes;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Row 1a: single-tenant client-credentials cache hit, Entra ID authority
/// (<c>https://login.microsoftonline.com/{tenant-guid}</c>) on the app, none per request.
/// </summary>
public class SingleTenantEntraCacheHit : SingleTenantBenchmark
{
    /// <summary>Ours writes under the public cloud's preferred cache host, as MSAL.NET does with instance discovery on.</summary>
    protected override string OursEnvironment => "login.windows.net";

    /// <summary>MSAL.NET with instance discovery off (<see cref="Apps.Msal"/>) writes under the authority's host.</summary>
    protected override string MsalEnvironment => Apps.Host;

    protected override string Realm => Apps.Tenant(0);

    protected override Auth.Server.ConfidentialClientApplication CreateOurs(FakeAuthorityHandler handler) => Apps.Ours(handler, Apps.Tenant(0));

    protected override IConfidentialClientApplication CreateMsal(FakeAuthorityHandler handler) => Apps.Msal(handler, Apps.Tenant(0));
}
