namespace Auth.IntegrationTests.Logging;

/// <summary>Every token flow of the library, as the secrets matrix runs them.</summary>
public enum SecretFlow
{
    ClientCredentialsSecret,
    ClientCredentialsCertificate,
    ClientCredentialsAssertion,
    AuthCodePublic,
    AuthCodeConfidential,
    Interactive,
    DeviceCode,
    RefreshToken,
    Silent,
    UsernamePassword,
    OnBehalfOf,
    ManagedIdentityAppService,
    ManagedIdentityAzureArc,
    FederatedManagedIdentity,
}
