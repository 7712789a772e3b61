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

    /// <summary>The hybrid SPA flow's <c>spa_code</c>, which the web app hands to its single-page app.</summary>
    SpaCode,

    /// <summary>App Service's <c>IDENTITY_HEADER</c> (the secret its identity endpoint checks).</summary>
    IdentityHeader,

    /// <summary>The contents of an Azure Arc key file, sent back as <c>Authorization: Basic</c>.</summary>
    ArcKey,
}
