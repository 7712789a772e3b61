namespace Auth.Testing.Authorization;

/// <summary>Where and how the authorization response goes back to the client, once the redirect URI is trusted.</summary>
/// <param name="RedirectUri">The client's redirect URI, exactly as sent.</param>
/// <param name="ResponseMode"><c>query</c>, <c>fragment</c> or <c>form_post</c>.</param>
/// <param name="State">The client's <c>state</c>, echoed in every response.</param>
/// <param name="Issuer">The authority's issuer, sent as <c>iss</c> in every response (RFC 9207), or <see langword="null"/>.</param>
internal sealed record RedirectTarget(string RedirectUri, string ResponseMode, string? State, string? Issuer = null);
