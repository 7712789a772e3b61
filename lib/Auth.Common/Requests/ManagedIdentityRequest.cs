namespace Auth.Common.Requests;

/// <summary>A token request of a managed identity: the resource the token is for.</summary>
public sealed record ManagedIdentityRequest
{
    /// <summary>
    /// Gets the resource the token is for, such as <c>https://management.azure.com</c>; a trailing <c>/.default</c> is
    /// removed (managed identity endpoints take a resource, not scopes).
    /// </summary>
    public required string Resource { get; init; }

    /// <summary>Gets whether to skip the cache and ask the endpoint for a new token.</summary>
    public bool ForceRefresh { get; init; }

    /// <summary>
    /// Gets the claims challenge a resource sent (JSON). It skips the cache, like <see cref="ForceRefresh"/>; Service
    /// Fabric is also told which cached token to revoke.
    /// </summary>
    public string? Claims { get; init; }

    /// <summary>Gets the correlation id for logs; a new one is generated when null.</summary>
    public Guid? CorrelationId { get; init; }
}
