namespace Auth.IntegrationTests.Logging;

/// <summary>
/// Every flow × PII off/on × success/failure, logging at Trace: no token, secret, code, verifier, assertion or
/// password appears in a log line, an exception's message or <c>ToString()</c>, a result's, account's, request's or
/// credential's <c>ToString()</c>; with PII off, no user name or account id either, and with PII on a sign-in logs who signed in.
/// </summary>
[TestFixture]
public sealed class SecretsMatrixTests
{
    [TestCaseSource(typeof(SecretMatrix), nameof(SecretMatrix.Cells))]
    public async Task Flow_AtTrace_ShowsNoSecret(SecretFlow flow, bool pii, bool fail)
    {
        await using var world = new SecretsWorld(pii);

        await SecretMatrix.RunAsync(flow, world, fail);

        var secrets = world.Secrets();
        var leaks = SecretLeakScanner.Find(secrets, world.Surfaces());
        secrets.Select(s => s.Kind).Should().Contain(SecretMatrix.Expected(flow, fail), "the cell must put these secrets in play");
        world.Logs.Lines.Should().NotBeEmpty("the library logs through the app's logger factory");
        leaks.Should().BeEmpty();
        var user = world.Authority.DefaultUser;
        if (!pii)
        {
            world.Logs.Lines.Should().NotContain(line => line.Contains(user.Username, StringComparison.OrdinalIgnoreCase) || line.Contains(user.Name, StringComparison.Ordinal), "PII is off");
            world.Logs.Lines.Should().NotContain(line => line.Contains(user.ObjectId, StringComparison.OrdinalIgnoreCase), "PII is off: no account id either");
        }
        else if (!fail && SignsInTheUser(flow))
        {
            world.Logs.Lines.Should().Contain(
                line => line.Contains(user.Username, StringComparison.OrdinalIgnoreCase) && line.Contains(user.ObjectId, StringComparison.OrdinalIgnoreCase),
                "PII is on, so the user name and account id of who signed in are logged");
        }
    }

    private static bool SignsInTheUser(SecretFlow flow) => flow is not (SecretFlow.ClientCredentialsSecret or SecretFlow.ClientCredentialsCertificate or SecretFlow.ClientCredentialsAssertion or SecretFlow.OnBehalfOf
        or SecretFlow.ManagedIdentityAppService or SecretFlow.ManagedIdentityAzureArc or SecretFlow.FederatedManagedIdentity);

    [Test]
    public void Matrix_EverySecretKind_IsExercisedByAFlow()
    {
        var covered = Enum.GetValues<SecretFlow>().SelectMany(f => SecretMatrix.Expected(f, false).Concat(SecretMatrix.Expected(f, true)));

        covered.Should().Contain(Enum.GetValues<SecretKind>());
        SecretMatrix.Cells().Should().HaveCount(Enum.GetValues<SecretFlow>().Length * 2 * 2);
    }
}
