using Auth.Common.Credentials;

namespace Auth.Common.Pipeline;

/// <summary>The body fields and headers of one token request, as the pipeline assembles them.</summary>
internal sealed class TokenRequestContent
{
    public TokenRequestContent(Dictionary<string, string>? headers = null, int capacity = 8)
    {
        Form = new List<KeyValuePair<string, string>>(capacity);
        Headers = headers ?? new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the form fields, in the order they are sent.</summary>
    public List<KeyValuePair<string, string>> Form { get; }

    /// <summary>Gets the request headers.</summary>
    public Dictionary<string, string> Headers { get; }

    public void Add(string name, string value) => Form.Add(new(name, value));

    /// <summary>Returns a copy of this content with <paramref name="authentication"/> added; this content stays unauthenticated (for a retry with a fresh credential).</summary>
    public TokenRequestContent WithAuthentication(ClientAuthentication authentication)
    {
        var copy = new TokenRequestContent(new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase), Form.Count + 2);
        copy.Form.AddRange(Form);
        copy.Add(authentication);
        return copy;
    }

    /// <summary>Adds a client's authentication: its form fields, or its Authorization header (HTTP Basic carries the client id, RFC 6749 section 2.3.1, so client_id then leaves the body).</summary>
    public void Add(ClientAuthentication authentication)
    {
        Form.AddRange(authentication.FormFields);
        if (authentication.AuthorizationHeader is { } authorization)
        {
            Headers["Authorization"] = authorization;
            Form.RemoveAll(static f => f.Key == "client_id");
        }
    }
}
