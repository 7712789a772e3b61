namespace Auth.Common.Platform;

/// <summary>Algorithms for signing client assertions with a certificate's RSA key.</summary>
public enum JwtSigningAlgorithm
{
    /// <summary>RSASSA-PSS with SHA-256 (the default; what Entra ID prefers).</summary>
    PS256,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 (for providers that do not accept PS256).</summary>
    RS256,
}
