using WireMock;

namespace Auth.Testing.Http;

/// <summary>Reads WireMock request data into plain dictionaries.</summary>
internal static class RequestHeaders
{
    /// <summary>Headers with case-insensitive names; repeated values joined by <c>", "</c>.</summary>
    public static IReadOnlyDictionary<string, string> From(IRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    public static string? Query(IRequestMessage request, string name) =>
        request.Query is not null && request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
