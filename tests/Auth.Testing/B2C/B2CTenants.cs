using System.Collections.Concurrent;

namespace Auth.Testing.B2C;

/// <summary>The B2C tenants the authority plays, by domain (case-insensitive); other B2C paths keep the generic behaviour.</summary>
internal sealed class B2CTenants
{
    private readonly ConcurrentDictionary<string, FakeB2CTenant> _byDomain = new(StringComparer.OrdinalIgnoreCase);

    public void Add(FakeB2CTenant tenant) => _byDomain[tenant.Domain] = tenant;

    /// <param name="tenantSegment">The request's tenant path segment, e.g. <c>contoso.onmicrosoft.com</c>.</param>
    public FakeB2CTenant? Find(string tenantSegment) => _byDomain.GetValueOrDefault(tenantSegment);
}
