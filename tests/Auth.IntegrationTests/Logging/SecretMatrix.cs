using static Auth.IntegrationTests.Logging.SecretKind;

namespace Auth.IntegrationTests.Logging;

/// <summary>
/// The cells of the secrets matrix: every flow × PII off/on × success/failure, and the secret kinds each cell must
/// actually put in play (so a cell that silently stopped exercising a secret fails instead of passing vacuously).
/// </summary>
internal static class SecretMatrix
{
    private static readonly SecretKind[] UserTokens = [AccessToken, RefreshToken, IdToken];

    public static IEnumerable<TestCaseData> Cells() =>
        from flow in Enum.GetValues<SecretFlow>()
        from pii in new[] { false, true }
        from fail in new[] { false, true }
        select new TestCaseData(flow, pii, fail).SetArgDisplayNames(flow.ToString(), pii ? "PiiOn" : "PiiOff", fail ? "Failure" : "Success");

    /// <summary>The kinds the cell must exercise (a subset of what it harvests).</summary>
    public static IReadOnlyCollection<SecretKind> Expected(SecretFlow flow, bool fail) => (flow, fail) switch
    {
        (SecretFlow.ClientCredentialsSecret, false) => [AccessToken, ClientSecret],
        (SecretFlow.ClientCredentialsSecret, true) => [ClientSecret],
        (SecretFlow.ClientCredentialsCertificate or SecretFlow.ClientCredentialsAssertion, false) => [AccessToken, ClientAssertion],
        (SecretFlow.ClientCredentialsCertificate or SecretFlow.ClientCredentialsAssertion, true) => [ClientAssertion],
        (SecretFlow.AuthCodePublic or SecretFlow.Interactive, false) => [.. UserTokens, AuthCode, CodeVerifier],
        (SecretFlow.AuthCodePublic or SecretFlow.Interactive, true) => [AuthCode, CodeVerifier],
        (SecretFlow.AuthCodeConfidential, false) => [.. UserTokens, AuthCode, CodeVerifier, ClientSecret, SpaCode],
        (SecretFlow.AuthCodeConfidential, true) => [AuthCode, CodeVerifier, ClientSecret],
        (SecretFlow.DeviceCode, false) => [.. UserTokens, DeviceCode],
        (SecretFlow.DeviceCode, true) => [SecretKind.DeviceCode],
        (SecretFlow.RefreshToken or SecretFlow.Silent, false) => [.. UserTokens, Password],
        (SecretFlow.RefreshToken or SecretFlow.Silent, true) => [RefreshToken],
        (SecretFlow.UsernamePassword, false) => [.. UserTokens, Password],
        (SecretFlow.UsernamePassword, true) => [Password],
        (SecretFlow.OnBehalfOf, false) => [.. UserTokens, OboAssertion, ClientSecret],
        (SecretFlow.OnBehalfOf, true) => [OboAssertion, ClientSecret],
        (SecretFlow.ManagedIdentityAppService, false) => [AccessToken, IdentityHeader],
        (SecretFlow.ManagedIdentityAppService, true) => [IdentityHeader],
        (SecretFlow.ManagedIdentityAzureArc, false) => [AccessToken, ArcKey],
        (SecretFlow.ManagedIdentityAzureArc, true) => [ArcKey],
        (SecretFlow.FederatedManagedIdentity, false) => [AccessToken, ClientAssertion, IdentityHeader],
        (SecretFlow.FederatedManagedIdentity, true) => [ClientAssertion, IdentityHeader],
        _ => throw new ArgumentOutOfRangeException(nameof(flow), flow, "Add the flow to the secrets matrix."),
    };

    public static Task RunAsync(SecretFlow flow, SecretsWorld world, bool fail) => flow switch
    {
        SecretFlow.ClientCredentialsSecret => ConfidentialSecretScenarios.ClientSecretAsync(world, fail),
        SecretFlow.ClientCredentialsCertificate => ConfidentialSecretScenarios.CertificateAsync(world, fail),
        SecretFlow.ClientCredentialsAssertion => ConfidentialSecretScenarios.AssertionAsync(world, fail),
        SecretFlow.AuthCodePublic => PublicSecretScenarios.AuthCodeAsync(world, fail),
        SecretFlow.AuthCodeConfidential => ConfidentialSecretScenarios.AuthCodeAsync(world, fail),
        SecretFlow.Interactive => PublicSecretScenarios.InteractiveAsync(world, fail),
        SecretFlow.DeviceCode => PublicSecretScenarios.DeviceCodeAsync(world, fail),
        SecretFlow.RefreshToken => PublicSecretScenarios.RefreshTokenAsync(world, fail),
        SecretFlow.Silent => PublicSecretScenarios.SilentAsync(world, fail),
        SecretFlow.UsernamePassword => PublicSecretScenarios.UsernamePasswordAsync(world, fail),
        SecretFlow.OnBehalfOf => ConfidentialSecretScenarios.OnBehalfOfAsync(world, fail),
        SecretFlow.ManagedIdentityAppService => ManagedIdentitySecretScenarios.AppServiceAsync(world, fail),
        SecretFlow.ManagedIdentityAzureArc => ManagedIdentitySecretScenarios.AzureArcAsync(world, fail),
        SecretFlow.FederatedManagedIdentity => ManagedIdentitySecretScenarios.FederatedAsync(world, fail),
        _ => throw new ArgumentOutOfRangeException(nameof(flow), flow, "Add the flow to the secrets matrix."),
    };
}
