using Auth.Common.Authority;
using Auth.Common.Credentials;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Platform;
using Auth.Common.Resilience;
using Auth.Common.Telemetry;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Pipeline;

/// <summary>
/// The one token-request pipeline. Every grant builds only its <see cref="TokenRequest"/>; this class
/// owns the rest, in this order: the endpoint (the authority's, or the regional one), the form
/// (client_id, scope, client_info, claims with the client capabilities), the headers and server
/// telemetry, client authentication, throttling, the retry policy, parsing and error mapping. It
/// returns a <see cref="PipelineResult{T}"/> and throws only for the caller's cancellation and for
/// failures before anything is sent (authority metadata, a client credential that cannot be built).
/// <para>
/// <b>POSTs per call: at most 2, never more; a grant is never replayed.</b>
/// A request the authority throttled (429, or 503 with Retry-After) is not sent again until the
/// time it asked for: 0 POSTs. Otherwise the first attempt goes to the regional endpoint when a
/// region applies, else to the token endpoint. Only a <see cref="TokenRequest.Repeatable"/> request
/// (client credentials, a device authorization request) is sent a second time: after a 5xx or a
/// timeout, and after a network error when it went to a region; the second attempt always goes to
/// the global endpoint and carries a newly built client authentication (a fresh assertion and
/// <c>jti</c>). Every other grant is sent once: after a 5xx or a timeout the authority may already
/// have redeemed its code or refresh token, so the error is returned with
/// <see cref="AuthException.GrantNotReplayed"/> set. Device-code polling calls this once per poll.
/// </para>
/// </summary>
internal sealed class TokenRequestSender
{
    private readonly string _clientId;
    private readonly INetworkClient _network;
    private readonly AuthorityMetadataResolver _metadata;
    private readonly ClientHeaders _headers;
    private readonly IClientAuthenticator? _authenticator;
    private readonly IReadOnlyList<string> _capabilities;
    private readonly RetryPolicy _retry;
    private readonly ThrottlingCache _throttling;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TokenRequestSender(
        string clientId,
        INetworkClient network,
        AuthorityMetadataResolver metadata,
        ClientHeaders headers,
        IClientAuthenticator? authenticator,
        IReadOnlyList<string> capabilities,
        RetryPolicy retry,
        TimeProvider time,
        ILogger logger)
    {
        _clientId = clientId;
        _network = network;
        _metadata = metadata;
        _headers = headers;
        _authenticator = authenticator;
        _capabilities = capabilities;
        _retry = retry;
        _time = time;
        _logger = logger;
        _throttling = new ThrottlingCache(time);
    }

    /// <summary>Gets whether this app authenticates as a confidential client.</summary>
    public bool IsConfidential => _authenticator is not null;

    /// <summary>Sends a grant to the authority's token endpoint.</summary>
    public async Task<PipelineResult<TokenResponseJson>> SendAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var metadata = await _metadata.ResolveAsync(request.Authority, request.CorrelationId, cancellationToken).ConfigureAwait(false);
        var endpoint = UriQuery.Append(metadata.TokenEndpoint, request.ExtraQueryParameters);
        var regional = RegionalEndpoint.For(endpoint, request.Region, request.Authority);
        var call = new EndpointCall(TelemetryTags.TokenEndpoint, TelemetryTags.GrantType, GrantTypeOf(request));
        var answer = await PostAsync(request, metadata, endpoint, regional, call, cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return PipelineResult<TokenResponseJson>.Failure(failure);
        }

        var result = TokenResponseParser.Parse(answer.Response!, request.CorrelationId, _time);
        if (answer.NotReplayed && result.Error is { } error)
        {
            error.GrantNotReplayed = true;
        }

        Answered(request, answer, result.Error as AuthServiceException);
        return result;
    }

    /// <summary>Asks the authority's device authorization endpoint for a device code (RFC 8628 section 3.1).</summary>
    public async Task<PipelineResult<DeviceAuthorization>> RequestDeviceCodeAsync(TokenRequest request, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var metadata = await _metadata.ResolveAsync(request.Authority, request.CorrelationId, cancellationToken).ConfigureAwait(false);
        if (metadata.DeviceAuthorizationEndpoint is not { } deviceEndpoint)
        {
            return PipelineResult<DeviceAuthorization>.Failure(new AuthClientException(
                AuthErrorCodes.EndpointNotSupported, "The authority publishes no device_authorization_endpoint, so the device-code flow cannot be used with it."));
        }

        var endpoint = UriQuery.Append(deviceEndpoint, request.ExtraQueryParameters);
        var answer = await PostAsync(request, metadata, endpoint, regional: null, new EndpointCall(TelemetryTags.DeviceAuthorizationEndpoint), cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return PipelineResult<DeviceAuthorization>.Failure(failure);
        }

        var insecureLoopback = request.Authority.Uri.Scheme == Uri.UriSchemeHttp && request.Authority.Uri.IsLoopback;
        var result = DeviceAuthorizationParser.Parse(answer.Response!, scopes, request.CorrelationId, _time, insecureLoopback);
        Answered(request, answer, result.Error as AuthServiceException);
        return result;
    }

    /// <summary>Posts to <paramref name="endpoint"/>; only the token endpoint's requests carry the client's authentication.</summary>
    private async Task<Answer> PostAsync(TokenRequest request, AuthorityMetadata metadata, Uri endpoint, Uri? regional, EndpointCall call, CancellationToken cancellationToken)
    {
        var content = new TokenRequestContent(_headers.ForTokenRequest(request.Authority, request.CorrelationId, request.ApiId, request.CacheInfo), request.GrantFields.Count + 8);
        content.Form.AddRange(request.GrantFields);
        content.Add("client_id", _clientId);
        if (request.Scope is { } scope)
        {
            content.Add("scope", scope);
        }

        if (request.RequestClientInfo && request.Authority.SendsClientInfo)
        {
            content.Add("client_info", "1");
        }

        if (ClaimsRequest.Merge(request.Claims, _capabilities) is { } claims)
        {
            content.Add("claims", claims);
        }

        // The request's fingerprint (without the client's credential, which may differ per attempt) is
        // only needed while something is throttled, or to remember a throttling answer.
        var throttlingKey = _throttling.IsEmpty ? null : ThrottlingCache.KeyFor(endpoint, content.Form);
        if (throttlingKey is not null && _throttling.TryGetThrottled(throttlingKey) is { } throttled)
        {
            EndpointTelemetry.RefusedByThrottlingCache(call);
            return new Answer(null, throttled, endpoint, content.Form, throttlingKey);
        }

        var authentication = call.Endpoint == TelemetryTags.TokenEndpoint && _authenticator is not null
            ? new ClientAuthenticationContext(
                _clientId, metadata.TokenEndpoint, request.Authority.Tenant, request.Claims, request.Authority.Mode, metadata.TokenEndpointSigningAlgorithms, metadata.TokenEndpointAuthMethods)
            : null;
        return await SendWithRetryAsync(request, content, authentication, endpoint, regional, throttlingKey, call, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Answer> SendWithRetryAsync(
        TokenRequest request, TokenRequestContent content, ClientAuthenticationContext? authentication, Uri endpoint, Uri? regional, string? throttlingKey, EndpointCall call, CancellationToken cancellationToken)
    {
        // A repeatable request's region always gets its fallback to the global endpoint, whether or not retries are on.
        var maxAttempts = !request.Repeatable ? 1 : regional is null ? _retry.MaxAttempts : 2;
        for (var attempt = 1; ; attempt++)
        {
            var target = attempt == 1 && regional is not null ? regional : endpoint;
            var last = attempt >= maxAttempts;

            // Each attempt is authenticated anew: a client assertion (and its jti) is never sent twice.
            var sent = authentication is null
                ? content
                : content.WithAuthentication(await _authenticator!.AuthenticateAsync(authentication, cancellationToken).ConfigureAwait(false));
            var network = new NetworkRequest { Uri = target, Form = sent.Form, Headers = sent.Headers, CorrelationId = request.CorrelationId };
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.TokenRequestSending(_logger, target.GetLeftPart(UriPartial.Path), request.CorrelationId);
            }

            string failedWith;
            try
            {
                var response = await EndpointTelemetry.SendAsync(_network, network, call, cancellationToken).ConfigureAwait(false);
                if (last || !RetryPolicy.IsTransient(response.StatusCode))
                {
                    return new Answer(response, null, endpoint, content.Form, throttlingKey, NotReplayed: !request.Repeatable && RetryPolicy.IsTransient(response.StatusCode));
                }

                failedWith = $"HTTP {response.StatusCode}";
            }
            catch (AuthClientException ex) when (!last && (RetryPolicy.IsTransient(ex) || (target == regional && ex.Code == AuthErrorCodes.NetworkError)))
            {
                failedWith = ex.Code;
            }
            catch (AuthClientException ex)
            {
                ex.GrantNotReplayed = !request.Repeatable && RetryPolicy.IsTransient(ex);
                return new Answer(null, ex, endpoint, content.Form, throttlingKey);
            }

            if (target == regional)
            {
                Log.RegionalFallback(_logger, request.Region!, failedWith, request.CorrelationId);
            }
            else
            {
                await _retry.PauseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string? GrantTypeOf(TokenRequest request)
    {
        foreach (var field in request.GrantFields)
        {
            if (field.Key == "grant_type")
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>Reports the answer to server telemetry, remembers a throttling answer, and logs a failure.</summary>
    private void Answered(TokenRequest request, Answer answer, AuthServiceException? error)
    {
        _headers.Answered(request.Authority, request.ApiId, request.CorrelationId, error);
        if (error is null)
        {
            return;
        }

        if (error.Error is "authorization_pending" or "slow_down")
        {
            Log.DeviceCodePending(_logger, error.Error, request.CorrelationId);
        }
        else
        {
            Log.TokenRequestFailed(_logger, error.Code, answer.Response!.StatusCode, request.CorrelationId);
        }

        if (ThrottlingCache.IsThrottling(error))
        {
            _throttling.Record(answer.ThrottlingKey ?? ThrottlingCache.KeyFor(answer.Endpoint, answer.Form), error);
        }
    }

    /// <summary>The authority's last answer, or why there was none; <c>NotReplayed</c> when it was a 5xx to a grant that is not sent twice (the authority may have redeemed it).</summary>
    private sealed record Answer(NetworkResponse? Response, AuthException? Failure, Uri Endpoint, IReadOnlyList<KeyValuePair<string, string>> Form, string? ThrottlingKey, bool NotReplayed = false);
}
