using Auth.Common.Responses;

namespace Auth.Common.Pipeline;

/// <summary>The device authorization endpoint's answer: the device code to poll with, and what the user is shown.</summary>
internal sealed record DeviceAuthorization(string DeviceCode, DeviceCodeInfo Info)
{
    /// <summary>Describes the answer without the device code.</summary>
    public override string ToString() => "DeviceAuthorization { DeviceCode = (redacted) }";
}
