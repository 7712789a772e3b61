namespace Auth.Testing.Tokens;

/// <summary>One token request as the grant handlers see it.</summary>
/// <param name="Tenant">The tenant path segment the request was sent to.</param>
/// <param name="TokenEndpointUrl">The exact token endpoint URL of that tenant (the required client-assertion audience).</param>
/// <param name="Form">The decoded form fields.</param>
/// <param name="Headers">The request headers (case-insensitive).</param>
/// <param name="Now">The authority's current time.</param>
internal sealed record TokenRequestContext(
    string Tenant,
    string TokenEndpointUrl,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Now)
{
    public string? FormValue(string name) =>
        Form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
