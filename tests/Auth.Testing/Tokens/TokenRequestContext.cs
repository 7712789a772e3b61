using Auth.Testing.Endpoints;

namespace Auth.Testing.Tokens;

/// <summary>One token request as the grant handlers see it.</summary>
/// <param name="Profile">The authority the request was sent to (kind, origin, tenant segment, B2C policy).</param>
/// <param name="TokenEndpointUrl">The exact token endpoint URL the request was sent to (the required client-assertion audience).</param>
/// <param name="Form">The decoded form fields.</param>
/// <param name="Headers">The request headers (case-insensitive).</param>
/// <param name="Now">The authority's current time.</param>
internal sealed record TokenRequestContext(
    AuthorityProfile Profile,
    string TokenEndpointUrl,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Now)
{
    /// <summary>The tenant path segment the request was sent to (<c>adfs</c> for AD FS).</summary>
    public string Tenant => Profile.Tenant;

    public string? FormValue(string name) =>
        Form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
