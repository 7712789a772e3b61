namespace Auth.Common.Requests;

/// <summary>What every token request can carry besides its grant's own fields.</summary>
public abstract record AuthRequest
{
    /// <summary>Gets an authority that overrides the application's for this request (for example another tenant).</summary>
    public string? Authority { get; init; }

    /// <summary>Gets the correlation id sent as <c>client-request-id</c>; a new one is made when absent.</summary>
    public Guid? CorrelationId { get; init; }

    /// <summary>
    /// Gets extra query parameters appended to the authority's endpoints for this request. They can change what the
    /// authority issues, so access tokens obtained with them are cached under them: a cached token is served only to a
    /// request with the same set of parameters (in any order), and concurrent requests share a token request only when
    /// their parameters match. Refresh tokens do not depend on them.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ExtraQueryParameters { get; init; }

    /// <summary>
    /// Gets a claims request (JSON), for example the claims challenge a resource sent
    /// (<see cref="Challenges.ClaimsChallenge.FromWwwAuthenticate(string?)"/>). It is merged with the app's
    /// client capabilities and sent as the <c>claims</c> parameter; a request with claims never takes a
    /// cached access token.
    /// </summary>
    public string? Claims { get; init; }
}
