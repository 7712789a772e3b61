using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Pipeline;
using Auth.Common.Platform;
using Auth.Common.Telemetry;
using Auth.Common.Threading;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Runtime;

/// <summary>What every flow of one application shares: its identity, authority, adapters, cache and pipeline.</summary>
internal sealed class ClientRuntime
{
    private const int ResolvedAuthorityCapacity = 4096;

    private readonly BoundedMemo<string, AuthorityInfo> _resolved = new(ResolvedAuthorityCapacity, StringComparer.Ordinal);
    private AuthorityInfo? _resolvedDefault;

    public required string ClientId { get; init; }

    public required AuthorityInfo Authority { get; init; }

    public required bool AllowInsecureLoopbackAuthority { get; init; }

    public required ICryptoProvider Crypto { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>Gets whether user names, account ids and tenants may appear in log lines.</summary>
    public required bool EnablePiiLogging { get; init; }

    public required TimeSpan ClockSkew { get; init; }

    public required AuthorityMetadataResolver Metadata { get; init; }

    public required CacheAccessor Cache { get; init; }

    /// <summary>Gets the one token-request pipeline every grant sends through.</summary>
    public required TokenRequestSender Sender { get; init; }

    /// <summary>Gets the library headers sent to Entra ID, and its server telemetry.</summary>
    public ClientHeaders Headers { get; init; } = ClientHeaders.None;

    /// <summary>Gets the Azure region of the environment (REGION_NAME), used when a request asks to detect it.</summary>
    public string? DetectedRegion { get; init; }

    /// <summary>Gets the client capabilities sent with every request (for example <c>cp1</c>).</summary>
    public IReadOnlyList<string> ClientCapabilities { get; init; } = [];

    /// <summary>Gets what decides whether an authority may be talked to, and places Entra ID authorities in their cloud.</summary>
    public required AuthorityValidator AuthorityValidator { get; init; }

    /// <summary>
    /// Returns the request's authority override (or the application's), parsed, validated (an authority the
    /// app does not trust is refused before anything is sent to it) and placed in its cloud. Resolved
    /// authorities are remembered, so a cache hit neither parses a URL nor allocates; refused ones are not.
    /// </summary>
    public ValueTask<AuthorityInfo> ResolveAuthorityAsync(string? requestAuthority, Guid correlationId, CancellationToken cancellationToken)
    {
        var known = requestAuthority is null ? Volatile.Read(ref _resolvedDefault) : _resolved.TryGet(requestAuthority, out var memo) ? memo : null;
        return known is not null ? new ValueTask<AuthorityInfo>(known) : ResolveAndRememberAsync(requestAuthority, correlationId, cancellationToken);
    }

    private async ValueTask<AuthorityInfo> ResolveAndRememberAsync(string? requestAuthority, Guid correlationId, CancellationToken cancellationToken)
    {
        var authority = requestAuthority is null
            ? Authority
            : AuthorityInfo.Parse(requestAuthority, Authority.Mode, AllowInsecureLoopbackAuthority, Authority.Dialect);
        var resolved = await AuthorityValidator.ResolveAsync(authority, correlationId, cancellationToken).ConfigureAwait(false);
        if (requestAuthority is null)
        {
            Volatile.Write(ref _resolvedDefault, resolved);
            return resolved;
        }

        return _resolved.Add(requestAuthority, resolved);
    }
}
