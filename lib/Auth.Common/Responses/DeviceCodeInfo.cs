namespace Auth.Common.Responses;

/// <summary>What the user needs to finish a device-code sign-in on another device.</summary>
public sealed record DeviceCodeInfo
{
    /// <summary>Gets the code the user enters.</summary>
    public required string UserCode { get; init; }

    /// <summary>Gets the page where the user enters it.</summary>
    public required Uri VerificationUri { get; init; }

    /// <summary>Gets the page with the code already filled in, when the authority offers one.</summary>
    public Uri? VerificationUriComplete { get; init; }

    /// <summary>Gets the instructions to show the user (the authority's, or built from the fields).</summary>
    public required string Message { get; init; }

    /// <summary>Gets when the code expires.</summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>Gets the polling interval the authority asked for.</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>Gets the scopes being requested.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }
}
