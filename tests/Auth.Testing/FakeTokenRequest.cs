namespace Auth.Testing;

/// <summary>A token request received by a <see cref="FakeAuthority"/>, as captured for assertions in tests.</summary>
/// <param name="Tenant">The tenant path segment the request was sent to (a tenant id, <c>common</c>, a domain name...; <c>adfs</c> for AD FS).</param>
/// <param name="GrantType">The <c>grant_type</c> form field; empty when absent.</param>
/// <param name="Form">The decoded form fields (names are case-sensitive, as in OAuth 2.0).</param>
/// <param name="Headers">The request headers (case-insensitive names; repeated values joined by <c>", "</c>).</param>
/// <param name="ReceivedAt">When the request arrived, by the authority's <see cref="TimeProvider"/>.</param>
public sealed record FakeTokenRequest(
    string Tenant,
    string GrantType,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// The Host header the request came in with, e.g. <c>login.windows.net</c>, <c>westus.login.microsoft.com</c> or
    /// <c>localhost:54321</c> (port only when the header has one); empty for requests built by hand.
    /// </summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The request path, e.g. <c>/tfp/contoso.onmicrosoft.com/B2C_1_SignIn/oauth2/v2.0/token</c>; empty for requests built by hand.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The query parameters of the token endpoint URL (an app's extra query parameters), each name once; empty when none.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
}
