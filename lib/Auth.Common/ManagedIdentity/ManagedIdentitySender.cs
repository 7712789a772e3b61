using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Platform;
using Auth.Common.Telemetry;
using Microsoft.Extensions.Logging;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Sends one token request to an identity endpoint: the source's wire format, its retries, Azure Arc's challenge, and
/// Service Fabric's pinned HTTPS. Returns the token, or throws an <see cref="AuthException"/> that names the source.
/// </summary>
internal sealed class ManagedIdentitySender
{
    private readonly INetworkClient _network;
    private readonly IManagedIdentityPlatform _platform;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _retryUnit;
    private readonly Lazy<INetworkClient>? _serviceFabric;
    private readonly EndpointCall _telemetry;

    public ManagedIdentitySender(ManagedIdentityEndpoint endpoint, INetworkClient network, IManagedIdentityPlatform platform, TimeProvider time, ILogger logger, TimeSpan retryUnit)
    {
        Endpoint = endpoint;
        _network = network;
        _platform = platform;
        _time = time;
        _logger = logger;
        _retryUnit = retryUnit;
        _telemetry = new EndpointCall(TelemetryTags.IdentityEndpoint, TelemetryTags.IdentitySourceTag, SourceTag(endpoint.Source));
        _serviceFabric = endpoint.Source == ManagedIdentitySource.ServiceFabric
            ? new Lazy<INetworkClient>(() => platform.CreateServiceFabricNetworkClient(endpoint.Thumbprint!))
            : null;
    }

    public ManagedIdentityEndpoint Endpoint { get; }

    public async Task<ManagedIdentityToken> SendAsync(ManagedIdentityId id, string resource, string? revokedTokenHash, Guid correlationId, CancellationToken cancellationToken)
    {
        var response = await SendWithRetriesAsync(id, resource, revokedTokenHash, arcKey: null, correlationId, cancellationToken).ConfigureAwait(false);
        if (Endpoint.Source == ManagedIdentitySource.AzureArc && response.StatusCode == 401)
        {
            var key = await AzureArcChallenge.ReadKeyAsync(response, _platform, correlationId, cancellationToken).ConfigureAwait(false);
            response = await SendWithRetriesAsync(id, resource, revokedTokenHash, key, correlationId, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccess)
        {
            var error = ManagedIdentityErrorMapper.Map(response, Endpoint, _time, correlationId);
            Log.ManagedIdentityFailed(_logger, Endpoint.Source.ToString(), error.Code, response.StatusCode, correlationId);
            throw error;
        }

        return ManagedIdentityResponseParser.Parse(response, Endpoint, _time.GetUtcNow(), correlationId);
    }

    private async Task<NetworkResponse> SendWithRetriesAsync(ManagedIdentityId id, string resource, string? revokedTokenHash, string? arcKey, Guid correlationId, CancellationToken cancellationToken)
    {
        var network = _serviceFabric?.Value ?? _network;
        var policy = new ManagedIdentityRetryPolicy(Endpoint.Source, _retryUnit);
        int? firstFailure = null;
        for (var retry = 1; ; retry++)
        {
            var request = ManagedIdentityWire.Build(Endpoint, id, resource, correlationId, revokedTokenHash, arcKey);
            NetworkResponse? response = null;
            AuthClientException? timeout = null;
            try
            {
                response = await EndpointTelemetry.SendAsync(network, request, _telemetry, cancellationToken).ConfigureAwait(false);
            }
            catch (AuthClientException ex) when (ex.Code == AuthErrorCodes.RequestTimeout && Endpoint.Source == ManagedIdentitySource.Imds)
            {
                // IMDS is the source when the environment names none: no answer at all means no IMDS here (a machine off
                // Azure that drops packets to 169.254.169.254), not a slow one, so the caller learns it after one timeout.
                throw Unavailable(ex, correlationId);
            }
            catch (AuthClientException ex) when (ex.Code == AuthErrorCodes.RequestTimeout)
            {
                timeout = ex;
            }
            catch (AuthClientException ex) when (ex.Code == AuthErrorCodes.NetworkError)
            {
                throw Unavailable(ex, correlationId);
            }

            var status = response?.StatusCode ?? ManagedIdentityRetryPolicy.TimeoutStatus;
            if (response is { IsSuccess: true } || (response is { StatusCode: 401 } && arcKey is null && Endpoint.Source == ManagedIdentitySource.AzureArc))
            {
                return response;
            }

            firstFailure ??= status;
            var retryAfter = response is null ? null : Pipeline.ServiceErrorMapper.RetryAfter(response, _time);
            var delay = retry <= policy.MaxRetries(firstFailure.Value) ? policy.Delay(status, retry, retryAfter) : null;
            if (delay is null)
            {
                return response ?? throw Unavailable(timeout!, correlationId);
            }

            Log.ManagedIdentityRetry(_logger, Endpoint.Source.ToString(), status, retry, policy.MaxRetries(firstFailure.Value), delay.Value, correlationId);
            if (delay.Value > TimeSpan.Zero)
            {
                await Task.Delay(delay.Value, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The source's <c>auth.managed_identity.source</c> tag, in the tags' snake case (<c>app_service</c>, <c>imds</c>).</summary>
    private static string SourceTag(ManagedIdentitySource source) => source switch
    {
        ManagedIdentitySource.AppService => "app_service",
        ManagedIdentitySource.AzureArc => "azure_arc",
        ManagedIdentitySource.CloudShell => "cloud_shell",
        ManagedIdentitySource.ServiceFabric => "service_fabric",
        ManagedIdentitySource.MachineLearning => "machine_learning",
        ManagedIdentitySource.Imds => "imds",
        _ => "none",
    };

    private AuthClientException Unavailable(AuthClientException cause, Guid correlationId) =>
        new(
            AuthErrorCodes.ManagedIdentityUnavailable,
            $"The {Endpoint} managed identity endpoint could not be reached ({cause.Code}), so this host offers no managed identity here. "
                + "On Azure, check that the resource has a managed identity; elsewhere (a developer machine, CI) use another credential, or Auth.Testing's FakeManagedIdentityEndpoint in tests.",
            cause)
        {
            CorrelationId = correlationId,
        };
}
