namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Cloud Shell (<c>POST {MSI_ENDPOINT}</c>, form body <c>resource=…</c>): <c>Metadata: true</c>, no api-version,
/// system-assigned only; errors as <c>{"error":{"code","message"}}</c>.
/// </summary>
internal static class CloudShellRules
{
    public const string TokenPath = "/oauth2/token";

    public static SourceRules Create() => new()
    {
        Source = FakeManagedIdentitySource.CloudShell,
        Path = TokenPath,
        Method = "POST",
        ErrorShape = MiErrorShape.Nested,
        BadRequestCode = "BadRequest",
        Headers = [new RequiredHeader("Metadata", "true", 400, 400, "BadRequest", "Required metadata header not specified")],
        ResourceInForm = true,
    };
}
