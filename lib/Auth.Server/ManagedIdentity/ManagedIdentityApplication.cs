using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Server;

/// <summary>
/// Tokens of the Azure host's managed identity, with no secret: IMDS (VMs, scale sets, AKS), App Service and Functions,
/// Azure Arc, Cloud Shell, Service Fabric or Azure Machine Learning, whichever the environment names. Auth.Common's
/// <see cref="ManagedIdentityClient"/> with this package's adapters. Thread-safe; keep one per identity (it owns the
/// in-memory token cache).
/// </summary>
public sealed class ManagedIdentityApplication
{
    private readonly ManagedIdentityClient _client;

    /// <summary>Creates the application; the source is worked out from the environment now.</summary>
    /// <param name="options">The identity and adapters.</param>
    /// <exception cref="Common.Errors.AuthClientException">The options are invalid.</exception>
    public ManagedIdentityApplication(ManagedIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = new ManagedIdentityClient(ToClientOptions(options));
    }

    /// <summary>Gets the identity this application gets tokens for.</summary>
    public ManagedIdentityId Identity => _client.Identity;

    /// <summary>Returns the source the environment names (<see cref="ManagedIdentitySource.Imds"/> when it names none, as both MSALs do).</summary>
    /// <returns>The source.</returns>
    public ManagedIdentitySource GetManagedIdentitySource() => _client.Source;

    /// <summary>Gets a token for the request's resource, from the cache while it is fresh, else from the identity endpoint.</summary>
    /// <param name="request">The resource (for example https://management.azure.com), and whether to skip the cache.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The token.</returns>
    /// <exception cref="Common.Errors.AuthClientException">Bad input, an identity kind the source cannot name, an unreachable endpoint, or an Azure Arc key file refused.</exception>
    /// <exception cref="Common.Errors.AuthServiceException">The endpoint answered an error.</exception>
    public Task<AuthenticationResult> AcquireTokenForManagedIdentityAsync(ManagedIdentityRequest request, CancellationToken cancellationToken = default) =>
        _client.AcquireTokenAsync(request, cancellationToken);

    /// <summary>Returns every problem with the options, for start-up validation; empty when they are valid.</summary>
    internal static IReadOnlyList<string> Problems(ManagedIdentityOptions options) => ManagedIdentityClient.Validate(ToClientOptions(options));

    private static ManagedIdentityClientOptions ToClientOptions(ManagedIdentityOptions options) => new()
    {
        Identity = options.Identity,
        NetworkClient = options.NetworkClient
            ?? (options.HttpClientFactory is { } factory ? new HttpClientNetworkClient(factory) : new HttpClientNetworkClient(DefaultHttpClient.Instance)),
        Platform = options.Platform ?? new ManagedIdentityPlatform(),
        CachePlugin = options.CachePlugin,
        Logger = options.LoggerFactory?.CreateLogger(typeof(ManagedIdentityApplication).FullName!) ?? NullLogger.Instance,
        TimeProvider = options.TimeProvider,
        RetryDelay = options.RetryDelay,
    };
}
