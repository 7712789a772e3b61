namespace Auth.Common.Credentials;

/// <summary>
/// What a client credential adds to one token request: form fields (<c>client_secret</c>, or
/// <c>client_assertion_type</c> and <c>client_assertion</c>), or an <c>Authorization</c> header
/// (HTTP Basic, after which <c>client_id</c> leaves the body). <see cref="ToString"/> prints no secret.
/// </summary>
public sealed class ClientAuthentication
{
    private const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAuthentication(IReadOnlyList<KeyValuePair<string, string>> formFields, string? authorizationHeader)
    {
        FormFields = formFields;
        AuthorizationHeader = authorizationHeader;
    }

    /// <summary>Gets the form fields to add to the request body.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields { get; }

    /// <summary>Gets the value of the <c>Authorization</c> header to send, or null.</summary>
    public string? AuthorizationHeader { get; }

    /// <summary>A client secret in the body (<c>client_secret_post</c>).</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The authentication.</returns>
    public static ClientAuthentication SecretInBody(string secret) => new([new("client_secret", secret)], null);

    /// <summary>A client id and secret as HTTP Basic (<c>client_secret_basic</c>, RFC 6749 section 2.3.1: both form-urlencoded first).</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="secret">The secret.</param>
    /// <returns>The authentication.</returns>
    public static ClientAuthentication Basic(string clientId, string secret)
    {
        var pair = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}";
        return new([], "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));
    }

    /// <summary>A signed JWT client assertion (RFC 7523 section 2.2).</summary>
    /// <param name="assertion">The assertion.</param>
    /// <returns>The authentication.</returns>
    public static ClientAuthentication Assertion(string assertion) =>
        new([new("client_assertion_type", JwtBearerType), new("client_assertion", assertion)], null);

    /// <summary>Names the kind of authentication, never its secret.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => AuthorizationHeader is null ? $"ClientAuthentication {{ {string.Join(", ", FormFields.Select(f => f.Key))} }}" : "ClientAuthentication { Authorization }";
}
