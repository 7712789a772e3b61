namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// IMDS (<c>GET /metadata/identity/oauth2/token?api-version=2018-02-01&amp;resource=…</c>): <c>Metadata: true</c>, no
/// <c>X-Forwarded-For</c>, user-assigned by <c>client_id</c>, <c>object_id</c> or <c>msi_res_id</c>; OAuth-style 400s.
/// </summary>
internal static class ImdsRules
{
    public const string TokenPath = "/metadata/identity/oauth2/token";

    public static SourceRules Create() => new()
    {
        Source = FakeManagedIdentitySource.Imds,
        Path = TokenPath,
        ApiVersion = "2018-02-01",
        ErrorShape = MiErrorShape.OAuth,
        Headers = [new RequiredHeader("Metadata", "true", 400, 400, "invalid_request", "Required metadata header not specified")],
        RejectsForwardedFor = true,
        IdParameters = new Dictionary<string, IdKind>
        {
            ["client_id"] = IdKind.ClientId,
            ["object_id"] = IdKind.ObjectId,
            ["msi_res_id"] = IdKind.ResourceId,
        },
        UnknownIdentityMessage = "Identity not found",
    };
}
