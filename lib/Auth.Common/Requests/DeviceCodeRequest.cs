using Auth.Common.Responses;

namespace Auth.Common.Requests;

/// <summary>The device authorization grant (RFC 8628) for devices without a browser.</summary>
public sealed record DeviceCodeRequest : AuthRequest
{
    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the callback that shows the user where to go and which code to enter.</summary>
    public required Func<DeviceCodeInfo, CancellationToken, Task> DeviceCodeCallback { get; init; }

    /// <summary>Gets how long to poll at most; the code's own lifetime when null.</summary>
    public TimeSpan? Timeout { get; init; }

}
