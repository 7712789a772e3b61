namespace Auth.Common.Responses;

/// <summary>
/// The authorization URL of the auth-code flow and what the app must keep until the redirect comes back:
/// the <see cref="State"/>, the <see cref="Nonce"/> and, when the library made it, the PKCE
/// <see cref="CodeVerifier"/>. Keep them server-side or in a protected, short-lived cookie bound to the
/// browser, and pass them to <c>AcquireTokenByCodeAsync</c> (<c>AuthorizationCodeRequest.State</c>,
/// <c>Nonce</c>, <c>CodeVerifier</c>), which refuses a redirect they do not match.
/// </summary>
public sealed record AuthorizationUrl
{
    /// <summary>Gets the URL to send the user to.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets the state sent in the URL (the request's, or a random one): the redirect must bring it back.</summary>
    public required string State { get; init; }

    /// <summary>Gets the nonce sent in the URL (the request's, or a random one): the ID token must carry it.</summary>
    public required string Nonce { get; init; }

    /// <summary>
    /// Gets the PKCE verifier whose S256 challenge is in the URL, when the library made it (the request had no
    /// <c>CodeChallenge</c>); <see langword="null"/> when the app sent its own challenge and keeps its own verifier.
    /// A secret: never log it or send it to the browser unprotected.
    /// </summary>
    public string? CodeVerifier { get; init; }

    /// <summary>Gets the URL as an absolute URI string, as <see cref="Uri.AbsoluteUri"/>.</summary>
    public string AbsoluteUri => Url.AbsoluteUri;

    /// <summary>Converts to the URL, so code written when <c>GetAuthCodeUrlAsync</c> returned a <see cref="Uri"/> keeps working.</summary>
    /// <param name="url">The authorization URL.</param>
    public static implicit operator Uri(AuthorizationUrl url) => url?.Url!;

    /// <summary>Returns the URL to send the user to.</summary>
    /// <returns>The URL.</returns>
    public Uri ToUri() => Url;

    /// <summary>Returns the URL only: the record holds the PKCE verifier.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(AuthorizationUrl)} {{ Url = {Url} }}";
}
