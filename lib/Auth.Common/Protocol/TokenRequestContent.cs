namespace Auth.Common.Protocol;

/// <summary>The body fields and headers of one token request, as grants and client credentials build it.</summary>
internal sealed class TokenRequestContent
{
    /// <summary>Gets the form fields, in the order they are sent.</summary>
    public List<KeyValuePair<string, string>> Form { get; } = [];

    /// <summary>Gets extra request headers (for example <c>Authorization: Basic</c>).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets what to tell when the authority answered (the error, or null on success).</summary>
    public Action<Errors.AuthServiceException?>? OnAnswered { get; set; }

    public void Add(string name, string value) => Form.Add(new(name, value));

    public void Remove(string name) => Form.RemoveAll(p => p.Key == name);
}
