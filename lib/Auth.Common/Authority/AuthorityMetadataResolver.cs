using System.Collections.Concurrent;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Platform;
using Auth.Common.Resilience;
using Auth.Common.Threading;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Authority;

/// <summary>
/// Fetches each authority's OpenID configuration once and keeps it for <see cref="Lifetime"/>.
/// Concurrent first callers share one request; a failed fetch is not remembered.
/// </summary>
internal sealed class AuthorityMetadataResolver
{
    private readonly ConcurrentDictionary<string, CachedMetadata> _cache = new(StringComparer.Ordinal);
    private readonly SingleFlight<string, AuthorityMetadata> _flight = new();
    private readonly INetworkClient _network;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _allowInsecureLoopback;
    private readonly AuthorityRequestHeaders _headers;
    private readonly RetryPolicy _retry;

    public AuthorityMetadataResolver(INetworkClient network, TimeProvider time, ILogger logger, bool allowInsecureLoopback, AuthorityRequestHeaders? headers = null, RetryPolicy? retry = null)
    {
        _headers = headers ?? NoHeaders;
        _retry = retry ?? RetryPolicy.None;
        _network = network;
        _time = time;
        _logger = logger;
        _allowInsecureLoopback = allowInsecureLoopback;
    }

    /// <summary>Gets how long a fetched document is trusted before it is fetched again.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Installs a document the app supplied (AuthorityMetadataJson); it never expires.</summary>
    public void Seed(AuthorityInfo authority, string json)
    {
        var metadata = AuthorityMetadataParser.Parse(json, authority, _allowInsecureLoopback);
        _cache[authority.CanonicalAuthority] = new CachedMetadata(metadata, DateTimeOffset.MaxValue);
    }

    /// <summary>Returns the metadata of <paramref name="authority"/>, fetching it when absent or stale.</summary>
    public Task<AuthorityMetadata> ResolveAsync(AuthorityInfo authority, Guid correlationId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(authority.CanonicalAuthority, out var cached) && cached.ExpiresOn > _time.GetUtcNow())
        {
            return Task.FromResult(cached.Metadata);
        }

        return _flight.RunAsync(authority.CanonicalAuthority, () => FetchAsync(authority, correlationId), cancellationToken);
    }

    private async Task<AuthorityMetadata> FetchAsync(AuthorityInfo authority, Guid correlationId)
    {
        var request = new NetworkRequest { Uri = authority.MetadataUri, CorrelationId = correlationId, Headers = _headers(authority, correlationId) };
        var response = await _retry.SendAsync(_network, request, CancellationToken.None).ConfigureAwait(false);
        if (!response.IsSuccess && authority.B2CPolicy is { } policy && (response.StatusCode == 404 || response.Body.Contains("AADB2C90022", StringComparison.Ordinal)))
        {
            throw new AuthClientException(
                AuthErrorCodes.B2CPolicyNotFound,
                $"Azure AD B2C has no policy '{policy}' in tenant '{authority.Tenant}' (HTTP {response.StatusCode} for its OpenID configuration). Check the policy (user flow) name in the authority.")
            {
                CorrelationId = correlationId,
            };
        }

        if (!response.IsSuccess)
        {
            throw new AuthClientException(
                AuthErrorCodes.AuthorityMetadataFailed,
                $"Fetching the OpenID configuration of '{authority.CanonicalAuthority}' failed with HTTP {response.StatusCode}. Check the authority URL (tenant, path), or supply AuthorityMetadataJson.")
            {
                CorrelationId = correlationId,
            };
        }

        var metadata = AuthorityMetadataParser.Parse(response.Body, authority, _allowInsecureLoopback);
        _cache[authority.CanonicalAuthority] = new CachedMetadata(metadata, _time.GetUtcNow() + Lifetime);
        Log.MetadataFetched(_logger, authority.CanonicalAuthority);
        return metadata;
    }

    private static Dictionary<string, string> NoHeaders(AuthorityInfo authority, Guid correlationId) => [];

    private sealed record CachedMetadata(AuthorityMetadata Metadata, DateTimeOffset ExpiresOn);
}
