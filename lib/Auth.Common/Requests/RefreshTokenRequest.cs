namespace Auth.Common.Requests;

/// <summary>Redeems a refresh token obtained elsewhere (for apps migrating to this library); the result is cached.</summary>
public sealed record RefreshTokenRequest : AuthRequest
{
    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the refresh token.</summary>
    public required string RefreshToken { get; init; }

    /// <summary>Gets whether <see cref="Responses.AuthenticationResult.RefreshToken"/> should carry the new refresh token.</summary>
    public bool ReturnRefreshToken { get; init; }

    /// <summary>Returns the type name only: the record holds a refresh token.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(RefreshTokenRequest)} {{ Scopes = {string.Join(' ', Scopes)} }}";
}
