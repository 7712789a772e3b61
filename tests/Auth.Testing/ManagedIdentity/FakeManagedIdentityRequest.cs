namespace Auth.Testing;

/// <summary>A request received by a <see cref="FakeManagedIdentityEndpoint"/>, as captured for assertions in tests.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The request path, e.g. <c>/metadata/identity/oauth2/token</c>.</param>
/// <param name="Query">The decoded query parameters (case-sensitive names; a repeated name keeps its first value).</param>
/// <param name="Headers">The request headers (case-insensitive names; repeated values joined by <c>", "</c>). They include secrets.</param>
/// <param name="Form">The decoded form fields of a form-encoded body; empty otherwise.</param>
/// <param name="ReceivedAt">When the request arrived, by the endpoint's <see cref="TimeProvider"/>.</param>
public sealed record FakeManagedIdentityRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Form,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The method and path only: headers and parameters may carry secrets.</summary>
    public override string ToString() => $"FakeManagedIdentityRequest {{ {Method} {Path} }}";
}
