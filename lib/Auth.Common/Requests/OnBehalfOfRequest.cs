namespace Auth.Common.Requests;

/// <summary>
/// A token for a downstream API on behalf of the user whose token a web API received (the OAuth
/// 2.0 on-behalf-of flow). Tokens are cached per incoming assertion: the same assertion is a cache
/// hit, another assertion never sees them.
/// </summary>
public sealed record OnBehalfOfRequest : AuthRequest
{
    /// <summary>Gets the scopes of the downstream API.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the access token the web API received (the incoming bearer token).</summary>
    public required string OboAssertion { get; init; }

    /// <summary>Gets whether to ignore the cached access token and ask the authority.</summary>
    public bool SkipCache { get; init; }

    /// <summary>Returns the scopes only: the record holds the user's token.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(OnBehalfOfRequest)} {{ Scopes = {string.Join(' ', Scopes)} }}";
}
