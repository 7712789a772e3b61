namespace Auth.Common.Platform;

/// <summary>The authority's answer to a <see cref="NetworkRequest"/>.</summary>
public sealed record NetworkResponse
{
    /// <summary>Gets the HTTP status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Gets the response headers (names compared case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the response body.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Gets whether the status code is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Returns the status only: bodies can hold tokens.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"HTTP {StatusCode} ({Body.Length} chars)";
}
