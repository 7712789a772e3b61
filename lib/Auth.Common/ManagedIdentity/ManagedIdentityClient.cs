using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Tokens of an Azure managed identity, built from Auth.Common alone over the seams in
/// <see cref="ManagedIdentityClientOptions"/>; Auth.Server's <c>ManagedIdentityApplication</c> is this client with the
/// .NET adapters plugged in. The source is worked out once, from the environment, when the client is built. Thread-safe;
/// keep one per identity (it owns the in-memory token cache).
/// </summary>
public sealed class ManagedIdentityClient
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly ManagedIdentityFlow _flow;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The identity and seams.</param>
    /// <exception cref="AuthClientException">A required seam is missing, or the retry delay is negative (<see cref="AuthErrorCodes.InvalidConfiguration"/>).</exception>
    public ManagedIdentityClient(ManagedIdentityClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidConfiguration, string.Join(' ', problems));
        }

        var time = options.TimeProvider ?? TimeProvider.System;
        var logger = options.Logger ?? NullLogger.Instance;
        var detected = ManagedIdentityDetector.Detect(options.Platform!);
        var sender = detected.Endpoint is { } endpoint
            ? new ManagedIdentitySender(endpoint, options.NetworkClient!, options.Platform!, time, logger, options.RetryDelay)
            : null;
        if (detected.Endpoint is not null)
        {
            Log.ManagedIdentitySourceDetected(logger, detected.Endpoint.Source.ToString(), detected.Endpoint.Uri.GetLeftPart(UriPartial.Path));
        }

        var cache = new CacheAccessor(new TokenCacheStore(), options.CachePlugin, options.Identity.CacheId, logger, piiLogging: false, time);
        _flow = new ManagedIdentityFlow(options.Identity, detected, sender, cache, time, ClockSkew, logger);
        Identity = options.Identity;
    }

    /// <summary>Gets the identity this client gets tokens for.</summary>
    public ManagedIdentityId Identity { get; }

    /// <summary>Gets the source the environment names (<see cref="ManagedIdentitySource.Imds"/> when it names none; <see cref="ManagedIdentitySource.None"/> when its variables are malformed).</summary>
    public ManagedIdentitySource Source => _flow.Source;

    /// <summary>Returns every problem with <paramref name="options"/>, for start-up validation; empty when they are valid.</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>The problems' messages.</returns>
    public static IReadOnlyList<string> Validate(ManagedIdentityClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Identity is null)
        {
            problems.Add("Identity is required (ManagedIdentityId.SystemAssigned or a user-assigned id).");
        }

        if (options.NetworkClient is null)
        {
            problems.Add("NetworkClient is required.");
        }

        if (options.Platform is null)
        {
            problems.Add("Platform is required.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            problems.Add("RetryDelay must not be negative.");
        }

        return problems;
    }

    /// <summary>
    /// Gets a token for <see cref="ManagedIdentityRequest.Resource"/>: from the cache while it is fresh, else from the
    /// identity endpoint (concurrent misses share one request).
    /// </summary>
    /// <param name="request">The resource, and whether to skip the cache.</param>
    /// <param name="cancellationToken">Cancels the wait; a request already sent completes for the other callers.</param>
    /// <returns>The token.</returns>
    /// <exception cref="AuthClientException">Bad input, an identity kind the source cannot name, a malformed environment, an unreachable endpoint, or an Azure Arc key file refused.</exception>
    /// <exception cref="AuthServiceException">The endpoint answered an error or an unusable token.</exception>
    public Task<AuthenticationResult> AcquireTokenAsync(ManagedIdentityRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(AuthFlow.ManagedIdentity, _flow, request, static (flow, r, ct) => flow.AcquireAsync(r, ct), cancellationToken);
}
