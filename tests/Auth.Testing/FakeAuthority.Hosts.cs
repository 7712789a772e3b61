namespace Auth.Testing;

/// <summary>Virtual hosts, the authority kinds they play, instance discovery and regional endpoints.</summary>
public sealed partial class FakeAuthority
{
    /// <summary>The registered virtual host names (lower case), in the order they were added.</summary>
    public IReadOnlyList<string> Hosts => _services.Hosts.All;

    /// <summary>How many Entra instance discovery requests (<c>/{tenant}/discovery/instance</c>) arrived, on any host.</summary>
    public int InstanceDiscoveryRequestCount => _services.Log.InstanceDiscoveryCount;

    /// <summary>
    /// How regional hosts (<c>{region}.login.microsoft.com</c>, <c>{region}.{cloud host}</c> and <c>{region}.r.{cloud host}</c>
    /// of Entra's public, US Government and China clouds) fail: <see cref="FakeRegionalFailure.None"/> by default.
    /// Regional hosts must be registered like any virtual host.
    /// </summary>
    public FakeRegionalFailure RegionalFailure
    {
        get => _services.Regional.Failure;
        set => _services.Regional.Failure = value;
    }

    /// <summary>How many requests reached the server on a regional host (any endpoint, failed ones included).</summary>
    public int RegionalRequestCount => _services.Regional.Count;

    /// <summary>
    /// Routes a host name to this authority through <see cref="CreateHttpMessageHandler"/> (handlers created before
    /// included). The authority plays the kind the host and path select: Entra ID on any host (<c>/{tenant}/…</c>),
    /// CIAM on <c>*.ciamlogin.com</c>, B2C for <c>[/tfp]/{tenant}/{B2C_1_…|B2C_1A_…}/…</c> paths and AD FS for
    /// <c>/adfs/…</c>; its documents and token issuers name the host the request came in on.
    /// </summary>
    /// <param name="host">A DNS name without scheme, port or path, e.g. <c>login.microsoftonline.com</c>; any case.</param>
    /// <exception cref="ArgumentException">Not a DNS host name.</exception>
    public void AddHost(string host) => _services.Hosts.Add(host);

    /// <summary>
    /// Makes the fake's Entra instance discovery vouch for one more cloud, such as a sovereign or private cloud a client
    /// does not know without asking, and registers its hosts as virtual hosts (where the authority plays Entra ID).
    /// </summary>
    /// <param name="preferredNetwork">The cloud's main host, also its preferred cache host, e.g. <c>login.sovereign.example</c>.</param>
    /// <param name="otherAliases">More hosts of the same cloud.</param>
    /// <exception cref="ArgumentException">A host is not a DNS host name.</exception>
    public void AddCloud(string preferredNetwork, params string[] otherAliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(preferredNetwork);
        string[] aliases = [preferredNetwork.ToLowerInvariant(), .. otherAliases.Select(alias => alias.ToLowerInvariant())];
        foreach (var alias in aliases)
        {
            _services.Hosts.Add(alias);
        }

        _services.InstanceDiscovery.AddCloud(new Clouds.CloudGroup(aliases[0], aliases[0], aliases, aliases[0]));
    }

    /// <summary>An Entra-style authority on a virtual host: <c>https://{host}/{tenant ?? TenantId}</c> (<c>http</c> when the authority serves HTTP).</summary>
    /// <param name="host">The host, e.g. <c>login.microsoftonline.com</c> (register it with <see cref="AddHost"/>).</param>
    /// <param name="tenant">The tenant segment (an id, a domain, <c>common</c>...); <see cref="TenantId"/> when <see langword="null"/>.</param>
    public string AuthorityFor(string host, string? tenant = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return $"{BaseUri.Scheme}://{host}/{tenant ?? TenantId}";
    }

    /// <summary>A B2C authority in MSAL's form: <c>https://{host}/tfp/{tenantDomain}/{policy}</c>.</summary>
    /// <param name="host">The host, e.g. <c>contoso.b2clogin.com</c>.</param>
    /// <param name="policy">The user flow, e.g. <c>B2C_1_SignUpSignIn</c> (must start with <c>B2C_1_</c> or <c>B2C_1A_</c>, any case).</param>
    /// <param name="tenantDomain">The tenant segment; <c>{first label of host}.onmicrosoft.com</c> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The policy is not a B2C policy name.</exception>
    public string B2CAuthorityFor(string host, string policy, string? tenantDomain = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        RequirePolicy(policy, nameof(policy));

        return $"{BaseUri.Scheme}://{host}/tfp/{tenantDomain ?? host.Split('.')[0] + ".onmicrosoft.com"}/{policy}";
    }

    /// <summary>An AD FS authority: <c>https://{host}/adfs</c>.</summary>
    /// <param name="host">The AD FS host, e.g. <c>adfs.contoso.com</c>.</param>
    public string AdfsAuthorityFor(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return $"{BaseUri.Scheme}://{host}/adfs";
    }
}
