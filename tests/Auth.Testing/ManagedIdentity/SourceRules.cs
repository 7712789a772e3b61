namespace Auth.Testing.ManagedIdentity;

/// <summary>What one managed identity source accepts on the wire, and how it words its refusals.</summary>
internal sealed record SourceRules
{
    /// <summary>The identity parameter names any source or MSAL uses; one a source does not accept is refused, not ignored.</summary>
    public static readonly IReadOnlyList<string> KnownIdParameters = ["client_id", "clientid", "object_id", "principalId", "mi_res_id", "msi_res_id"];

    public required FakeManagedIdentitySource Source { get; init; }

    /// <summary>The token path (exact, case-sensitive).</summary>
    public required string Path { get; init; }

    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The only <c>api-version</c> accepted; <see langword="null"/> when the source takes none.</summary>
    public string? ApiVersion { get; init; }

    public required MiErrorShape ErrorShape { get; init; }

    /// <summary>The error code of a malformed request (not written in the message shape).</summary>
    public string BadRequestCode { get; init; } = "invalid_request";

    /// <summary>The headers required with exact values, checked in order.</summary>
    public IReadOnlyList<RequiredHeader> Headers { get; init; } = [];

    /// <summary>Whether a request with an <c>X-Forwarded-For</c> header is refused (IMDS's guard against proxied requests).</summary>
    public bool RejectsForwardedFor { get; init; }

    /// <summary>Whether <c>resource</c> comes in a form body (Cloud Shell) instead of the query.</summary>
    public bool ResourceInForm { get; init; }

    /// <summary>The user-assigned identity parameters accepted, by name; empty when only the system-assigned identity is served.</summary>
    public IReadOnlyDictionary<string, IdKind> IdParameters { get; init; } = new Dictionary<string, IdKind>();

    /// <summary>Whether an identity parameter is required on every request, the system-assigned identity named by its client id (Machine Learning).</summary>
    public bool RequiresId { get; init; }

    /// <summary>The refusal text for an identity that is not assigned.</summary>
    public string UnknownIdentityMessage { get; init; } = "Identity not found";
}
