using System.Collections.Concurrent;
using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Resilience;
using Auth.Common.Threading;

namespace Auth.Common.Authority;

/// <summary>
/// Places an Entra ID host in its cloud: the known public clouds without a network call, the app's
/// CloudDiscoveryMetadataJson, or Entra's instance discovery (asked once per host; concurrent first
/// callers share the request). Discovery fails closed: a host Entra does not know is
/// <see cref="AuthErrorCodes.InvalidInstance"/>, and an answer that never came (network error, timeout,
/// 5xx, 429) is <see cref="AuthErrorCodes.InstanceDiscoveryFailed"/>; neither is remembered.
/// Whether a host needs discovery at all is <see cref="AuthorityValidator"/>'s decision.
/// </summary>
internal sealed class InstanceDiscovery
{
    private const string TrustedHost = "login.microsoftonline.com";
    private readonly ConcurrentDictionary<string, CloudInstance> _clouds = new(StringComparer.OrdinalIgnoreCase);
    private readonly SingleFlight<string, CloudInstance> _flight = new();
    private readonly INetworkClient _network;
    private readonly AuthorityRequestHeaders _headers;
    private readonly RetryPolicy _retry;

    public InstanceDiscovery(INetworkClient network, AuthorityRequestHeaders headers, bool enabled, RetryPolicy? retry = null)
    {
        _retry = retry ?? RetryPolicy.None;
        _network = network;
        _headers = headers;
        Enabled = enabled;
    }

    /// <summary>Gets whether the app lets the library ask Entra about hosts it does not know.</summary>
    public bool Enabled { get; }

    /// <summary>Installs the app's instance discovery JSON (CloudDiscoveryMetadataJson): no network for those hosts.</summary>
    public void Seed(string json) => Register(Parse(json, "CloudDiscoveryMetadataJson"));

    /// <summary>Returns the cloud of a host known without a network call: seeded, discovered before, or a public cloud.</summary>
    public bool TryFind(string host, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CloudInstance? cloud)
    {
        cloud = _clouds.TryGetValue(host, out var known) ? known : KnownClouds.Find(host);
        return cloud is not null;
    }

    /// <summary>Asks Entra's instance discovery about the authority's host.</summary>
    /// <exception cref="AuthClientException">
    /// <see cref="AuthErrorCodes.InvalidInstance"/> (Entra does not know the host) or
    /// <see cref="AuthErrorCodes.InstanceDiscoveryFailed"/> (no answer).
    /// </exception>
    public Task<CloudInstance> DiscoverAsync(AuthorityInfo authority, Guid correlationId, CancellationToken cancellationToken) =>
        _flight.RunAsync(authority.Host, () => FetchAsync(authority, correlationId), cancellationToken);

    private async Task<CloudInstance> FetchAsync(AuthorityInfo authority, Guid correlationId)
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
        catch (AuthClientException ex)
        {
            throw Failed(authority, ex.Code, correlationId, ex);
        }

        if (RetryPolicy.IsTransient(response.StatusCode) || response.StatusCode == 429)
        {
            throw Failed(authority, $"HTTP {response.StatusCode}", correlationId);
        }

        var document = response.IsSuccess || response.Body.TrimStart().StartsWith('{')
            ? Parse(response.Body, "The instance discovery answer")
            : new InstanceDiscoveryJson();
        var error = document.Error;
        if (!string.IsNullOrEmpty(error) || !response.IsSuccess || string.IsNullOrEmpty(document.TenantDiscoveryEndpoint))
        {
            throw new AuthClientException(
                AuthErrorCodes.InvalidInstance,
                $"'{authority.Host}' is not a known Entra ID instance ({error ?? $"HTTP {response.StatusCode}"}). Nothing was sent to it. Check the authority host, or list it in KnownAuthorities if it is a private cloud.")
            {
                CorrelationId = correlationId,
            };
        }

        Register(document);
        return _clouds.GetValueOrDefault(authority.Host) ?? CloudInstance.Single(authority.Host);
    }

    private static AuthClientException Failed(AuthorityInfo authority, string cause, Guid correlationId, Exception? inner = null) =>
        new(
            AuthErrorCodes.InstanceDiscoveryFailed,
            $"Entra's instance discovery did not answer ({cause}), so the authority host '{authority.Host}' could not be validated and nothing was sent to it. Retry later; or supply CloudDiscoveryMetadataJson, or list the host in KnownAuthorities, to validate it without the network.",
            inner)
        {
            CorrelationId = correlationId,
        };

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
