namespace Auth.Testing.Endpoints;

/// <summary>The origin a request came in on: the server's scheme and the request's Host header (port kept only when the header has one).</summary>
/// <param name="Origin">E.g. <c>https://login.windows.net</c> or <c>https://localhost:54321</c>.</param>
/// <param name="Host">The host without port, lower case, e.g. <c>login.windows.net</c>.</param>
internal sealed record RequestOrigin(string Origin, string Host)
{
    /// <param name="server">The server root (its scheme, and the fallback when the Host header is missing or malformed).</param>
    /// <param name="hostHeader">The Host header.</param>
    /// <param name="spellDefaultPort">Whether to write <c>:443</c> (<c>:80</c>) when the Host header names no port.</param>
    public static RequestOrigin From(Uri server, string? hostHeader, bool spellDefaultPort = false)
    {
        var value = hostHeader?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(value)
            && Uri.TryCreate($"{server.Scheme}://{value}/", UriKind.Absolute, out var uri)
            && uri.AbsolutePath == "/" && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0)
        {
            var port = spellDefaultPort && uri.IsDefaultPort && !value.EndsWith($":{uri.Port}", StringComparison.Ordinal) ? $":{uri.Port}" : string.Empty;
            return new RequestOrigin($"{server.Scheme}://{value}{port}", uri.Host);
        }

        return new RequestOrigin(server.GetLeftPart(UriPartial.Authority), server.Host);
    }
}
