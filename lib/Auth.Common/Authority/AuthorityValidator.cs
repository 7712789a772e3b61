using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>
/// Decides whether the library may talk to an authority (the app's, or a request's override), before
/// anything is sent to it, and places an Entra ID authority in its cloud. An Entra ID authority
/// (<see cref="ProtocolMode.AzureAD"/>, tenant path, not loopback) is trusted when its host is a known cloud,
/// is in CloudDiscoveryMetadataJson, or Entra's instance discovery vouches for it; with discovery off, when
/// <see cref="AuthorityTrust"/> trusts it. Every other authority (AD FS, B2C, CIAM, generic OpenID Provider,
/// loopback) must be trusted by <see cref="AuthorityTrust"/>. A host in KnownAuthorities is also used
/// when discovery refuses it or cannot be reached (a private cloud the app vouches for).
/// </summary>
internal sealed class AuthorityValidator
{
    private readonly InstanceDiscovery _discovery;
    private readonly AuthorityTrust _trust;

    public AuthorityValidator(InstanceDiscovery discovery, AuthorityTrust trust)
    {
        _discovery = discovery;
        _trust = trust;
    }

    /// <summary>Returns the authority placed in its cloud, or throws when the app may not talk to it.</summary>
    /// <exception cref="AuthClientException">
    /// <see cref="AuthErrorCodes.InvalidAuthority"/> (not trusted), <see cref="AuthErrorCodes.InvalidInstance"/>
    /// (instance discovery does not know the host) or <see cref="AuthErrorCodes.InstanceDiscoveryFailed"/> (it did not answer).
    /// </exception>
    public async ValueTask<AuthorityInfo> ResolveAsync(AuthorityInfo authority, Guid correlationId, CancellationToken cancellationToken)
    {
        if (!IsEntraInstance(authority))
        {
            _trust.Ensure(authority);
            return authority;
        }

        if (_discovery.TryFind(authority.Host, out var known))
        {
            return authority.WithCloud(known);
        }

        if (!_discovery.Enabled)
        {
            _trust.Ensure(authority);
            return authority;
        }

        CloudInstance cloud;
        try
        {
            cloud = await _discovery.DiscoverAsync(authority, correlationId, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthClientException) when (_trust.IsListed(authority))
        {
            return authority;
        }

        return authority.WithCloud(cloud);
    }

    /// <summary>Returns whether the authority is checked against Entra's clouds (an Entra ID authority on a non-loopback host in <see cref="ProtocolMode.AzureAD"/>).</summary>
    public static bool IsEntraInstance(AuthorityInfo authority) =>
        authority.Mode == ProtocolMode.AzureAD && authority.Kind == AuthorityKind.EntraId && !authority.Uri.IsLoopback;
}
