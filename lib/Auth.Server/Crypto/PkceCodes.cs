namespace Auth.Server;

/// <summary>A PKCE verifier and its S256 challenge (RFC 7636) for the auth-code flow.</summary>
/// <param name="Verifier">The secret verifier (43 characters); keep it for <c>AcquireTokenByCodeAsync</c> and never log it.</param>
/// <param name="Challenge">base64url(SHA-256(verifier)), sent in the authorization URL.</param>
public sealed record PkceCodes(string Verifier, string Challenge)
{
    /// <summary>Creates a fresh pair from 256 random bits.</summary>
    /// <returns>The verifier and challenge.</returns>
    public static PkceCodes Create()
    {
        var crypto = new Crypto.CryptoProvider();
        var verifier = crypto.CreateRandomValue();
        return new PkceCodes(verifier, crypto.Sha256Base64Url(verifier));
    }

    /// <summary>Shows the challenge only.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"PkceCodes {{ Challenge = {Challenge} }}";
}
