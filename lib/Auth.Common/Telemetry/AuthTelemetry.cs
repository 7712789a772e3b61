namespace Auth.Common.Telemetry;

/// <summary>
/// The names under which the library publishes OpenTelemetry-compatible telemetry through the .NET APIs alone
/// (<c>System.Diagnostics.Metrics.Meter</c> and <c>System.Diagnostics.ActivitySource</c>; no OpenTelemetry package):
/// pass them to the OpenTelemetry SDK's <c>AddMeter</c> and <c>AddSource</c>, or to a <c>MeterListener</c> or
/// <c>ActivityListener</c>. The instruments, their units and tags are documented in docs/telemetry.md. Tags never carry a
/// token, secret, assertion, code, user name, account id, tenant id or scope. With no listener attached nothing is
/// measured and a cache hit allocates nothing extra.
/// </summary>
public static class AuthTelemetry
{
    /// <summary>The name of the library's <c>Meter</c>: <c>Auth</c>.</summary>
    public const string MeterName = "Auth";

    /// <summary>The name of the library's <c>ActivitySource</c>: <c>Auth</c>.</summary>
    public const string ActivitySourceName = "Auth";
}
