namespace Auth.Common.ManagedIdentity;

/// <summary>A token an identity endpoint issued, with lifetimes in seconds from when it was received.</summary>
internal sealed record ManagedIdentityToken(string AccessToken, long ExpiresIn, long? RefreshIn, string TokenType)
{
    /// <summary>Redacts the token.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"ManagedIdentityToken {{ ExpiresIn = {ExpiresIn}, RefreshIn = {RefreshIn}, TokenType = {TokenType} }}";
}
