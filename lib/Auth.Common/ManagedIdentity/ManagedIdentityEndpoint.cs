namespace Auth.Common.ManagedIdentity;

/// <summary>The identity endpoint the environment names, with what the source needs to call it.</summary>
/// <param name="Source">Which source it is.</param>
/// <param name="Uri">The token URL (without query).</param>
/// <param name="Secret">The header secret (<c>IDENTITY_HEADER</c> or <c>MSI_SECRET</c>), when the source has one.</param>
/// <param name="Thumbprint">Service Fabric's server certificate thumbprint.</param>
/// <param name="DefaultClientId">Machine Learning's <c>DEFAULT_IDENTITY_CLIENT_ID</c>, the client id of its system-assigned identity.</param>
internal sealed record ManagedIdentityEndpoint(ManagedIdentitySource Source, Uri Uri, string? Secret = null, string? Thumbprint = null, string? DefaultClientId = null)
{
    /// <summary>Gets what tokens from this endpoint are cached under beside the identity: the source and its URL.</summary>
    public string CacheIssuer { get; } = $"{Source}:{Uri.GetLeftPart(UriPartial.Path)}";

    /// <summary>Names the source and URL, never the secret.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{Source} at {Uri.GetLeftPart(UriPartial.Path)}";
}
