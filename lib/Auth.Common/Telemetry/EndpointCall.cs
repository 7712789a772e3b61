namespace Auth.Common.Telemetry;

/// <summary>What telemetry tells of one endpoint call: which endpoint, and the grant type or managed identity source.</summary>
/// <param name="Endpoint">The <c>auth.endpoint</c> tag: <see cref="TelemetryTags.TokenEndpoint"/>, <see cref="TelemetryTags.DeviceAuthorizationEndpoint"/> or <see cref="TelemetryTags.IdentityEndpoint"/>.</param>
/// <param name="DetailTag">The tag that says more: <see cref="TelemetryTags.GrantType"/> or <see cref="TelemetryTags.IdentitySourceTag"/>; null for none.</param>
/// <param name="Detail">Its value (a grant type, or a managed identity source's name).</param>
internal readonly record struct EndpointCall(string Endpoint, string? DetailTag = null, string? Detail = null)
{
    public string ActivityName => Endpoint switch
    {
        TelemetryTags.TokenEndpoint => "Auth.Request token",
        TelemetryTags.DeviceAuthorizationEndpoint => "Auth.Request device_authorization",
        _ => "Auth.Request managed_identity",
    };
}
