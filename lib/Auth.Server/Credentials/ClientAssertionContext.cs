namespace Auth.Server;

/// <summary>What a client-assertion callback is told about the token request it signs for.</summary>
public sealed record ClientAssertionContext
{
    /// <summary>Gets the client id (the assertion's <c>iss</c> and <c>sub</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the token endpoint (the assertion's <c>aud</c>).</summary>
    public required Uri TokenEndpoint { get; init; }

    /// <summary>Gets the tenant of the request, when the authority has one.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the claims request of the token request, if any.</summary>
    public string? Claims { get; init; }
}
