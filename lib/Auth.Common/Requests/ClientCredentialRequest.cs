namespace Auth.Common.Requests;

/// <summary>A request for an app-only token with the client-credentials grant (RFC 6749 section 4.4).</summary>
public sealed record ClientCredentialRequest : AuthRequest
{
    /// <summary>Gets the scopes; for Entra ID one <c>{resource}/.default</c> scope, such as <c>https://graph.microsoft.com/.default</c>.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets whether to ignore cached tokens and ask the authority (the result is still cached).</summary>
    public bool SkipCache { get; init; }

    /// <summary>
    /// Gets the Azure region for Entra ID's regional token endpoints (for example <c>westus</c>), or
    /// <c>TryAutoDetect</c> to use the REGION_NAME environment variable. A failing regional endpoint
    /// falls back to the global one. Null: the global endpoint.
    /// </summary>
    public string? AzureRegion { get; init; }
}
