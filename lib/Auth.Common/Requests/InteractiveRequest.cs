namespace Auth.Common.Requests;

/// <summary>
/// Interactive sign-in: the library listens on <c>http://127.0.0.1:{free port}/</c>, opens the
/// browser at the authorization URL, waits for the redirect and redeems the code.
/// </summary>
public sealed record InteractiveRequest : AuthRequest
{
    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets how to open the URL; the system browser (xdg-open, open, start) when null.</summary>
    public Func<Uri, CancellationToken, Task>? OpenBrowser { get; init; }

    /// <summary>Gets a user name to pre-fill the sign-in page with.</summary>
    public string? LoginHint { get; init; }

    /// <summary>Gets the prompt (<c>login</c>, <c>consent</c>, <c>select_account</c>, <c>create</c>).</summary>
    public string? Prompt { get; init; }

    /// <summary>Gets the page shown in the browser after a successful sign-in.</summary>
    public string? SuccessHtml { get; init; }

    /// <summary>Gets the page shown after a failed sign-in; <c>{error}</c> and <c>{error_description}</c> are replaced (HTML-encoded).</summary>
    public string? ErrorHtml { get; init; }

    /// <summary>Gets how long to wait for the user. Default 5 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

}
