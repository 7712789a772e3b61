using System.Diagnostics;
using System.Globalization;
using Auth.Common.Platform;

namespace Auth.Common.Telemetry;

/// <summary>
/// Measures the HTTP requests sent to a token, device authorization or managed identity endpoint: one activity each
/// (a child of the acquisition's), the <c>auth.token_requests</c> counter, and <c>auth.throttled</c>. Both senders send
/// through <see cref="SendAsync"/>; while nothing listens it only sends. No tag carries the URL's path or query, a form
/// field other than <c>grant_type</c>, or a header.
/// </summary>
internal static class EndpointTelemetry
{
    public static Task<NetworkResponse> SendAsync(INetworkClient network, NetworkRequest request, EndpointCall call, CancellationToken cancellationToken) =>
        AuthInstruments.EndpointObserved ? ObserveAsync(network, request, call, cancellationToken) : network.SendAsync(request, cancellationToken);

    /// <summary>Counts a request the throttling cache refused without sending it.</summary>
    public static void RefusedByThrottlingCache(EndpointCall call)
    {
        if (AuthInstruments.Throttled.Enabled)
        {
            AuthInstruments.Throttled.Add(1, Tags(call, TelemetryTags.ThrottledBy, TelemetryTags.ByClient));
        }
    }

    private static async Task<NetworkResponse> ObserveAsync(INetworkClient network, NetworkRequest request, EndpointCall call, CancellationToken cancellationToken)
    {
        using var activity = AuthInstruments.Source.StartActivity(call.ActivityName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryTags.Endpoint, call.Endpoint);
            if (call.DetailTag is not null)
            {
                activity.SetTag(call.DetailTag, call.Detail);
            }

            activity.SetTag(TelemetryTags.Method, request.IsPost ? "POST" : "GET");
            activity.SetTag(TelemetryTags.ServerAddress, request.Uri.Host);
        }

        NetworkResponse response;
        try
        {
            response = await network.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var error = TelemetryTags.OutcomeOf(ex);
            AuthInstruments.TokenRequests.Add(1, Tags(call, TelemetryTags.ErrorType, error));
            activity?.SetTag(TelemetryTags.ErrorType, error);
            activity?.SetStatus(ActivityStatusCode.Error, error);
            throw;
        }

        AuthInstruments.TokenRequests.Add(1, Tags(call, TelemetryTags.StatusCode, response.StatusCode));
        if (response.StatusCode == 429 || (response.StatusCode == 503 && response.Headers.ContainsKey("Retry-After")))
        {
            AuthInstruments.Throttled.Add(1, Tags(call, TelemetryTags.ThrottledBy, TelemetryTags.ByService));
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryTags.StatusCode, response.StatusCode);
            if (!response.IsSuccess)
            {
                var status = response.StatusCode.ToString(CultureInfo.InvariantCulture);
                activity.SetTag(TelemetryTags.ErrorType, status);
                activity.SetStatus(ActivityStatusCode.Error, "HTTP " + status);
            }
        }

        return response;
    }

    private static TagList Tags(EndpointCall call, string name, object value)
    {
        var tags = new TagList { { TelemetryTags.Endpoint, call.Endpoint }, { name, value } };
        if (call.DetailTag is not null)
        {
            tags.Add(call.DetailTag, call.Detail);
        }

        return tags;
    }
}
