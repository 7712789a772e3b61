namespace Auth.Testing.Authorization;

/// <summary>
/// One HTTP request to the authorization endpoint: the browser's <c>GET</c> with the authorization request in the
/// query, or the <c>POST</c> of the sign-in form to the same URL (the query repeats the request, the body holds the form).
/// </summary>
/// <param name="Tenant">The tenant path segment.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawQuery">The query string, with or without the leading '?'.</param>
/// <param name="Accept">The <c>Accept</c> header, if any.</param>
/// <param name="ContentType">The <c>Content-Type</c> header of a POST, if any.</param>
/// <param name="Body">The body of a POST, if any.</param>
/// <param name="ResponseIssuer">The <c>iss</c> every authorization response carries (RFC 9207), or <see langword="null"/> for none.</param>
/// <param name="B2C">The policy of a <see cref="FakeB2CTenant"/> the request went to, whose pages a browser sees, or <see langword="null"/>.</param>
internal sealed record AuthorizeCall(string Tenant, string Method, string? RawQuery, string? Accept, string? ContentType, string? Body, string? ResponseIssuer = null, B2C.B2CPolicyCall? B2C = null)
{
    /// <summary>The query without its leading '?'.</summary>
    public string Query => RawQuery?.TrimStart('?') ?? string.Empty;

    /// <summary>A submission of the sign-in form.</summary>
    public bool IsFormPost => string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a person's browser sent it: browsers list <c>text/html</c> in <c>Accept</c> when they navigate;
    /// HTTP clients that play the browser in tests send no such header and are signed in without a page.
    /// </summary>
    public bool WantsPage => Accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true;
}
