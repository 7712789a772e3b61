namespace Auth.Testing;

/// <summary>A token request received by a <see cref="FakeAuthority"/>, as captured for assertions in tests.</summary>
/// <param name="Tenant">The tenant path segment the request was sent to (a tenant id, <c>common</c>, a domain name...).</param>
/// <param name="GrantType">The <c>grant_type</c> form field; empty when absent.</param>
/// <param name="Form">The decoded form fields (names are case-sensitive, as in OAuth 2.0).</param>
/// <param name="Headers">The request headers (case-insensitive names; repeated values joined by <c>", "</c>).</param>
/// <param name="ReceivedAt">When the request arrived, by the authority's <see cref="TimeProvider"/>.</param>
public sealed record FakeTokenRequest(
    string Tenant,
    string GrantType,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt);
