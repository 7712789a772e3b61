namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Machine Learning (<c>GET {MSI_ENDPOINT}?api-version=2017-09-01&amp;resource=…&amp;clientid=…</c>): <c>Metadata: true</c>
/// and <c>secret</c> = the secret (401 when absent, 403 when wrong); <c>clientid</c> always (the system-assigned
/// identity's is DEFAULT_IDENTITY_CLIENT_ID), no other identity kind; errors as <c>{"statusCode","message","correlationId"}</c>.
/// </summary>
internal static class MachineLearningRules
{
    public const string TokenPath = "/MSI/auth";

    public static SourceRules Create(string secret) => new()
    {
        Source = FakeManagedIdentitySource.MachineLearning,
        Path = TokenPath,
        ApiVersion = "2017-09-01",
        ErrorShape = MiErrorShape.Message,
        Headers =
        [
            new RequiredHeader("Metadata", "true", 400, 400, "BadRequest", "Required metadata header not specified"),
            new RequiredHeader("secret", secret, 401, 403, "Unauthorized", "The secret header is missing or does not hold the MSI_SECRET value."),
        ],
        IdParameters = new Dictionary<string, IdKind> { ["clientid"] = IdKind.ClientId },
        RequiresId = true,
        UnknownIdentityMessage = "No managed identity with this clientid is assigned to the compute.",
    };
}
