namespace Auth.Common.Authority;

/// <summary>Returns the library's request headers for a request to <paramref name="authority"/> (the app supplies them; Entra ID gets its own).</summary>
/// <param name="authority">The authority the request goes to.</param>
/// <param name="correlationId">The operation's correlation id.</param>
/// <returns>The headers.</returns>
internal delegate Dictionary<string, string> AuthorityRequestHeaders(AuthorityInfo authority, Guid correlationId);
