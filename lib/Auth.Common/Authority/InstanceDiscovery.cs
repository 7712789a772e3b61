using System.Collections.Concurrent;
using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Resilience;
using Auth.Common.Threading;

namespace Auth.Common.Authority;

/// <summary>
/// Places an Entra ID authority in its cloud: the known public clouds without a network call, the
/// app's CloudDiscoveryMetadataJson, or Entra's instance discovery (asked once per host; concurrent
/// first callers share the request). A host Entra does not know is refused (invalid_instance)
/// unless the app lists it in KnownAuthorities; when discovery cannot be reached the authority is
/// used as it is. B2C, ADFS, CIAM, generic OIDC and loopback hosts need no discovery.
/// </summary>
internal sealed class InstanceDiscovery
{
    private const string TrustedHost = "login.microsoftonline.com";
    private readonly ConcurrentDictionary<string, CloudInstance> _clouds = new(StringComparer.OrdinalIgnoreCase);
    private readonly SingleFlight<string, CloudInstance> _flight = new();
    private readonly INetworkClient _network;
    private readonly AuthorityRequestHeaders _headers;
    private readonly RetryPolicy _retry;

    public InstanceDiscovery(INetworkClient network, AuthorityRequestHeaders headers, bool enabled, IReadOnlyList<string> knownAuthorities, RetryPolicy? retry = null)
    {
        _retry = retry ?? RetryPolicy.None;
        _network = network;
        _headers = headers;
        Enabled = enabled;
        KnownAuthorities = knownAuthorities;
    }

    public bool Enabled { get; }

    public IReadOnlyList<string> KnownAuthorities { get; }

    /// <summary>Installs the app's instance discovery JSON (CloudDiscoveryMetadataJson): no network for those hosts.</summary>
    public void Seed(string json) => Register(Parse(json, "CloudDiscoveryMetadataJson"));

    public async ValueTask<AuthorityInfo> ResolveAsync(AuthorityInfo authority, Guid correlationId, CancellationToken cancellationToken)
    {
        if (authority.Kind != AuthorityKind.EntraId || authority.Uri.IsLoopback)
        {
            KnownAuthorityCheck.Ensure(authority, KnownAuthorities);
            return authority;
        }

        if (_clouds.TryGetValue(authority.Host, out var known) || (known = KnownClouds.Find(authority.Host)) is not null)
        {
            return authority.WithCloud(known);
        }

        if (!Enabled)
        {
            KnownAuthorityCheck.Ensure(authority, KnownAuthorities);
            return authority;
        }

        var cloud = await _flight.RunAsync(authority.Host, () => DiscoverAsync(authority, correlationId), cancellationToken).ConfigureAwait(false);
        return authority.WithCloud(cloud);
    }

    private async Task<CloudInstance> DiscoverAsync(AuthorityInfo authority, Guid correlationId)
    {
        var authorize = Uri.EscapeDataString($"https://{authority.Host}/{authority.Tenant}/oauth2/v2.0/authorize");
        var request = new NetworkRequest
        {
            Uri = new Uri($"https://{TrustedHost}/common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}"),
            CorrelationId = correlationId,
            Headers = _headers(authority, correlationId),
        };
        NetworkResponse response;
        try
        {
            response = await _retry.SendAsync(_network, request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuthClientException) when (KnownAuthorities.Count == 0 || IsKnownAuthority(authority))
        {
            // Discovery unreachable: use the authority as it is (nothing to vouch against a list the app did not set).
            return CloudInstance.Single(authority.Host);
        }

        var document = response.IsSuccess || response.Body.TrimStart().StartsWith('{')
            ? Parse(response.Body, "The instance discovery answer")
            : new InstanceDiscoveryJson();
        var error = document.Error;
        if (!string.IsNullOrEmpty(error) || !response.IsSuccess)
        {
            if (IsKnownAuthority(authority))
            {
                return CloudInstance.Single(authority.Host);
            }

            throw new AuthClientException(
                AuthErrorCodes.InvalidInstance,
                $"'{authority.Host}' is not a known Entra ID instance ({error ?? $"HTTP {response.StatusCode}"}). Check the authority host, or list it in KnownAuthorities if it is a private cloud.")
            {
                CorrelationId = correlationId,
            };
        }

        Register(document);
        return _clouds.GetValueOrDefault(authority.Host) ?? CloudInstance.Single(authority.Host);
    }

    private bool IsKnownAuthority(AuthorityInfo authority) =>
        KnownAuthorities.Any(k => string.Equals(k.Trim(), authority.Host, StringComparison.OrdinalIgnoreCase));

    private void Register(InstanceDiscoveryJson document)
    {
        foreach (var group in document.Metadata ?? [])
        {
            if (group.Aliases is not { Length: > 0 } aliases)
            {
                continue;
            }

            var cloud = new CloudInstance(group.PreferredNetwork ?? aliases[0], group.PreferredCache ?? aliases[0], aliases);
            foreach (var alias in aliases)
            {
                _clouds[alias] = cloud;
            }
        }
    }

    private static InstanceDiscoveryJson Parse(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, AuthorityJsonContext.Default.InstanceDiscoveryJson) ?? new InstanceDiscoveryJson();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidInstance, $"{what} is not valid instance discovery JSON.", ex);
        }
    }
}
