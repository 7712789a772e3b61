namespace Auth.Common.Requests;

/// <summary>
/// A token for a downstream API in a long-running process a web API started on behalf of a user
/// (for example a background job that outlives the user's request). The session was started with
/// <c>InitiateLongRunningProcessInWebApiAsync</c>; the job names it by <see cref="SessionKey"/> alone,
/// without the user's token: the session's cached access token is served while it is fresh, then the
/// session's on-behalf-of refresh token is redeemed and the new tokens are kept under the same key.
/// </summary>
public sealed record LongRunningProcessRequest : AuthRequest
{
    /// <summary>Gets the scopes of the downstream API.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the key the session was initiated with (the one <c>InitiateLongRunningProcessInWebApiAsync</c> returned).</summary>
    public required string SessionKey { get; init; }

    /// <summary>Gets whether to ignore the cached access token and redeem the session's refresh token.</summary>
    public bool ForceRefresh { get; init; }

    /// <summary>Returns the scopes only.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(LongRunningProcessRequest)} {{ Scopes = {string.Join(' ', Scopes)} }}";
}
