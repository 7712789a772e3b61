using Auth.Common.Logging;
using Auth.Common.Platform;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Protocol;

/// <summary>Posts a grant to a token endpoint and parses the answer. Shared by every grant.</summary>
internal sealed class TokenEndpointClient
{
    private readonly INetworkClient _network;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ThrottlingCache _throttling;

    public TokenEndpointClient(INetworkClient network, TimeProvider time, ILogger logger)
    {
        _network = network;
        _time = time;
        _logger = logger;
        _throttling = new ThrottlingCache(time);
    }

    public async Task<TokenResult> PostAsync(Uri tokenEndpoint, TokenRequestContent content, Guid correlationId, CancellationToken cancellationToken)
    {
        // The request's fingerprint is only needed while something is throttled, or to remember a throttling answer.
        var throttlingKey = _throttling.IsEmpty ? null : ThrottlingCache.KeyFor(tokenEndpoint, content.Form);
        if (throttlingKey is not null)
        {
            _throttling.ThrowIfThrottled(throttlingKey);
        }

        var request = new NetworkRequest { Uri = tokenEndpoint, Form = content.Form, Headers = content.Headers, CorrelationId = correlationId };
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.TokenRequestSending(_logger, tokenEndpoint.GetLeftPart(UriPartial.Path), correlationId);
        }

        var response = await _network.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var result = TokenResponseParser.Parse(response, correlationId, _time);
        content.OnAnswered?.Invoke(result.Error);
        if (result.Error is { } error)
        {
            if (error.Error is "authorization_pending" or "slow_down")
            {
                Log.DeviceCodePending(_logger, error.Error, correlationId);
            }
            else
            {
                Log.TokenRequestFailed(_logger, error.Code, response.StatusCode, correlationId);
            }

            if (ThrottlingCache.IsThrottling(error))
            {
                _throttling.Record(throttlingKey ?? ThrottlingCache.KeyFor(tokenEndpoint, content.Form), error);
            }
        }

        return result;
    }
}
