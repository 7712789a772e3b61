namespace Auth.Server.Interactive;

/// <summary>A parsed request to the loopback listener.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The decoded query parameters.</param>
internal sealed record LoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query);
