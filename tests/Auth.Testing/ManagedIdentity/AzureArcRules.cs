namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Azure Arc (<c>GET {IDENTITY_ENDPOINT}?api-version=2020-06-01&amp;resource=…</c>, MSAL.NET's version): <c>Metadata: true</c>,
/// system-assigned only; OAuth-style errors. The key-file challenge is <see cref="ArcKeyFiles"/>'s.
/// </summary>
internal static class AzureArcRules
{
    public static SourceRules Create() => new()
    {
        Source = FakeManagedIdentitySource.AzureArc,
        Path = ImdsRules.TokenPath,
        ApiVersion = "2020-06-01",
        ErrorShape = MiErrorShape.OAuth,
        Headers = [new RequiredHeader("Metadata", "true", 400, 400, "invalid_request", "Required metadata header not specified")],
    };
}
