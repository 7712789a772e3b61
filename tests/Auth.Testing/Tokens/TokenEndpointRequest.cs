using Auth.Testing.Endpoints;

namespace Auth.Testing.Tokens;

/// <summary>A raw token request as the dispatcher hands it to the <see cref="TokenEndpoint"/>.</summary>
/// <param name="Profile">The authority the request was sent to.</param>
/// <param name="EndpointUrl">The URL it was sent to, without query or trailing slash (the client-assertion audience).</param>
/// <param name="Path">The request path.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The raw body.</param>
/// <param name="Headers">The request headers (case-insensitive).</param>
internal sealed record TokenEndpointRequest(
    AuthorityProfile Profile,
    string EndpointUrl,
    string Path,
    string? ContentType,
    string? Body,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Gets the query parameters of the token endpoint URL.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
}
