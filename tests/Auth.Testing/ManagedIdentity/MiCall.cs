using Auth.Testing.Http;
using WireMock;

namespace Auth.Testing.ManagedIdentity;

/// <summary>A request to the managed identity endpoint, parsed once: the captured form and the first repeated parameter, if any.</summary>
internal sealed class MiCall
{
    private MiCall(FakeManagedIdentityRequest request, string? duplicate)
    {
        Request = request;
        DuplicateParameter = duplicate;
    }

    public FakeManagedIdentityRequest Request { get; }

    /// <summary>The first query or form parameter name that occurs more than once.</summary>
    public string? DuplicateParameter { get; }

    public static MiCall From(IRequestMessage message, DateTimeOffset now)
    {
        var headers = RequestHeaders.From(message);
        var query = FormBody.Parse(message.RawQuery?.TrimStart('?'), out var duplicateQuery);
        headers.TryGetValue("Content-Type", out var contentType);
        string? duplicateForm = null;
        var form = FormBody.IsFormContentType(contentType)
            ? FormBody.Parse(message.Body, out duplicateForm)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new FakeManagedIdentityRequest(message.Method.ToUpperInvariant(), message.Path, query, headers, form, now);
        return new MiCall(request, duplicateQuery ?? duplicateForm);
    }

    public string? Header(string name) => Request.Headers.TryGetValue(name, out var value) ? value : null;

    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value : null;
}
