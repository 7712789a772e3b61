namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Service Fabric (<c>GET {IDENTITY_ENDPOINT}?api-version=2020-05-01&amp;resource=…</c> over HTTPS, MSAL.NET's version):
/// <c>secret</c> = the secret (400 when absent, 401 when wrong), user-assigned only by object id as <c>principalId</c>;
/// OAuth-style errors.
/// </summary>
internal static class ServiceFabricRules
{
    public static SourceRules Create(string secret) => new()
    {
        Source = FakeManagedIdentitySource.ServiceFabric,
        Path = ImdsRules.TokenPath,
        ApiVersion = "2020-05-01",
        ErrorShape = MiErrorShape.OAuth,
        Headers = [new RequiredHeader("secret", secret, 400, 401, "SecretHeaderNotFound", "The secret header is missing or does not hold the IDENTITY_HEADER value.")],
        IdParameters = new Dictionary<string, IdKind> { ["principalId"] = IdKind.ObjectId },
        UnknownIdentityMessage = "ManagedIdentityNotFound: no managed identity with this principalId is assigned to the application.",
    };
}
