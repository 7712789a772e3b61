using Auth.Common.Errors;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Pipeline;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Telemetry;

namespace Auth.Common.Grants.DeviceCode;

/// <summary>
/// The device authorization grant (RFC 8628): get a code, hand it to the app's callback, then poll
/// the token endpoint at the interval. Each poll's result is read as a value: <c>authorization_pending</c>
/// keeps polling, <c>slow_down</c> adds 5 seconds, any other answer ends the flow. Timeout and
/// cancellation end it promptly.
/// </summary>
internal sealed class DeviceCodeFlow
{
    private const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";
    private readonly UserTokenExchange _exchange;

    public DeviceCodeFlow(UserTokenExchange exchange) => _exchange = exchange;

    private ClientRuntime Runtime => _exchange.Runtime;

    public async Task<AuthenticationResult> AcquireAsync(DeviceCodeRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        var callback = request.DeviceCodeCallback ?? throw new AuthClientException(AuthErrorCodes.InvalidRequest, "DeviceCodeCallback is required: it shows the user the code.");
        var authorization = await Runtime.Sender.RequestDeviceCodeAsync(
            new TokenRequest
            {
                Authority = context.Authority,
                CorrelationId = context.CorrelationId,
                ApiId = ApiIds.DeviceCode,
                GrantFields = [],
                Scope = string.Join(' ', context.Scopes.Concat(["openid", "profile", "offline_access"]).Distinct(StringComparer.OrdinalIgnoreCase)),
                Claims = request.Claims,
                ExtraQueryParameters = request.ExtraQueryParameters,
                Repeatable = true,
            },
            context.Scopes,
            cancellationToken).ConfigureAwait(false);
        var (deviceCode, info) = authorization.GetOrThrow();
        await callback(info, cancellationToken).ConfigureAwait(false);

        var deadline = request.Timeout is { } timeout && Runtime.Time.GetUtcNow() + timeout < info.ExpiresOn
            ? Runtime.Time.GetUtcNow() + timeout
            : info.ExpiresOn;
        var grant = context.Grant(new("grant_type", GrantType), new("device_code", deviceCode)) with
        {
            ApiId = ApiIds.DeviceCode,
            Claims = request.Claims,
            ExtraQueryParameters = request.ExtraQueryParameters,
        };
        return await PollAsync(grant, info.Interval, deadline, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticationResult> PollAsync(UserGrant grant, TimeSpan interval, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = Min(interval, deadline - Runtime.Time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, Runtime.Time, cancellationToken).ConfigureAwait(false);
            }

            if (Runtime.Time.GetUtcNow() >= deadline)
            {
                throw new AuthClientException(AuthErrorCodes.OperationTimedOut, "The user did not finish the device-code sign-in in time. Ask the user to try again.")
                {
                    CorrelationId = grant.CorrelationId,
                };
            }

            var requestedAt = Runtime.Time.GetUtcNow();
            var result = await _exchange.SendAsync(grant, cancellationToken).ConfigureAwait(false);
            switch (result.OAuthError)
            {
                case "authorization_pending":
                    continue;
                case "slow_down":
                    interval += TimeSpan.FromSeconds(5);
                    continue;
                default:
                    return await _exchange.StoreAsync(grant, result.GetOrThrow(), requestedAt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
