namespace Auth.Common.Requests;

/// <summary>
/// The resource owner password grant (RFC 6749 section 4.3). Discouraged: it cannot do MFA or
/// federation; use it only where nothing else is possible.
/// </summary>
public sealed record UsernamePasswordRequest : AuthRequest
{
    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the user name.</summary>
    public required string Username { get; init; }

    /// <summary>Gets the password.</summary>
    public required string Password { get; init; }

    /// <summary>Returns the type name only: the record holds a password.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(UsernamePasswordRequest)} {{ Scopes = {string.Join(' ', Scopes)} }}";
}
