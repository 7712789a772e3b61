namespace Auth.Common.Telemetry;

/// <summary>The tag names and fixed values of the library's metrics and activities (docs/telemetry.md).</summary>
internal static class TelemetryTags
{
    public const string Flow = "auth.flow";
    public const string TokenSource = "auth.token_source";
    public const string Outcome = "auth.outcome";
    public const string Endpoint = "auth.endpoint";
    public const string GrantType = "auth.grant_type";
    public const string IdentitySourceTag = "auth.managed_identity.source";
    public const string ThrottledBy = "auth.throttled_by";
    public const string ErrorType = "error.type";
    public const string StatusCode = "http.response.status_code";
    public const string Method = "http.request.method";
    public const string ServerAddress = "server.address";

    public const string Success = "success";
    public const string Cache = "cache";
    public const string IdentityProvider = "identity_provider";
    public const string Canceled = "canceled";

    public const string TokenEndpoint = "token";
    public const string DeviceAuthorizationEndpoint = "device_authorization";
    public const string IdentityEndpoint = "managed_identity";

    /// <summary><see cref="ThrottledBy"/>: the endpoint answered 429, or 503 with Retry-After.</summary>
    public const string ByService = "service";

    /// <summary><see cref="ThrottledBy"/>: the throttling cache refused the request without sending it.</summary>
    public const string ByClient = "client";

    /// <summary>The <see cref="Outcome"/> and <see cref="ErrorType"/> of a failure: an <see cref="Errors.AuthException"/>'s code, else the exception's type.</summary>
    public static string OutcomeOf(Exception error) => error switch
    {
        Errors.AuthException auth => auth.Code,
        OperationCanceledException => Canceled,
        _ => error.GetType().FullName ?? error.GetType().Name,
    };
}
