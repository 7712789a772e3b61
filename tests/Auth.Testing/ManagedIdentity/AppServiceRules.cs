namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// App Service (<c>GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&amp;resource=…</c>): <c>X-IDENTITY-HEADER</c> = the
/// secret (401 when absent, 403 when wrong), user-assigned by <c>client_id</c>, <c>object_id</c> or <c>mi_res_id</c>;
/// errors as <c>{"statusCode","message","correlationId"}</c>.
/// </summary>
internal static class AppServiceRules
{
    public const string TokenPath = "/msi/token";

    public static SourceRules Create(string secret) => new()
    {
        Source = FakeManagedIdentitySource.AppService,
        Path = TokenPath,
        ApiVersion = "2019-08-01",
        ErrorShape = MiErrorShape.Message,
        Headers = [new RequiredHeader("X-IDENTITY-HEADER", secret, 401, 403, "Unauthorized", "The X-IDENTITY-HEADER header is missing or does not hold the IDENTITY_HEADER value.")],
        IdParameters = new Dictionary<string, IdKind>
        {
            ["client_id"] = IdKind.ClientId,
            ["object_id"] = IdKind.ObjectId,
            ["mi_res_id"] = IdKind.ResourceId,
        },
        UnknownIdentityMessage = "Unable to load the requested managed identity.",
    };
}
