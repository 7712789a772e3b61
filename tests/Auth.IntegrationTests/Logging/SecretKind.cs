namespace Auth.IntegrationTests.Logging;

/// <summary>The kinds of secret that must never reach a log line, an exception or a <c>ToString()</c>.</summary>
public enum SecretKind
{
    AccessToken,
    RefreshToken,
    IdToken,
    ClientSecret,
    ClientAssertion,
    AuthCode,
    CodeVerifier,
    Password,
    OboAssertion,
    DeviceCode,
}
