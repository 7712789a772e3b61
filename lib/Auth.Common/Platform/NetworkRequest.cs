namespace Auth.Common.Platform;

/// <summary>An HTTP request to an authority: a GET, or a POST of a URL-encoded form.</summary>
public sealed record NetworkRequest
{
    /// <summary>Gets the request URI.</summary>
    public required Uri Uri { get; init; }

    /// <summary>Gets the form fields to POST; <see langword="null"/> makes the request a GET.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    /// <summary>Gets extra request headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the correlation id of the operation, for error reports (the headers carry it to the authority).</summary>
    public Guid? CorrelationId { get; init; }

    /// <summary>Gets whether the request is a POST.</summary>
    public bool IsPost => Form is not null;

    /// <summary>Returns the method and URI only: form fields can hold secrets.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{(IsPost ? "POST" : "GET")} {Uri.GetLeftPart(UriPartial.Path)}";
}
