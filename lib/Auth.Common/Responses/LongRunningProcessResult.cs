namespace Auth.Common.Responses;

/// <summary>
/// What starting a long-running on-behalf-of session returns: the first token, and the key that names
/// the session from now on. Keep the key with the job: it is all the job needs to get tokens later.
/// </summary>
public sealed record LongRunningProcessResult
{
    /// <summary>Gets the downstream token obtained with the user's token.</summary>
    public required AuthenticationResult Result { get; init; }

    /// <summary>
    /// Gets the session key: the one passed in, or, when none was, the SHA-256 hash (base64url) of the
    /// user's token. The session's tokens are cached, and persisted by a cache plugin, under this key.
    /// </summary>
    public required string SessionKey { get; init; }

    /// <summary>Returns the result without any token, and without the key (which lets the app get the user's tokens).</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(LongRunningProcessResult)} {{ Result = {Result} }}";
}
