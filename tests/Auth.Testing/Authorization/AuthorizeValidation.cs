using Auth.Testing.Errors;

namespace Auth.Testing.Authorization;

/// <summary>
/// The outcome of validating an authorization request: a request, an error to redirect (the redirect URI is trusted),
/// or an error to show on a page (no trusted redirect URI: RFC 6749 §4.1.2.1 forbids redirecting).
/// </summary>
internal sealed class AuthorizeValidation
{
    private AuthorizeValidation(AuthorizeRequest? request, RedirectTarget? target, AadError? error)
    {
        Request = request;
        Target = target;
        Error = error;
    }

    public AuthorizeRequest? Request { get; }

    /// <summary>Where to redirect; <see langword="null"/> when the error must be shown on a page.</summary>
    public RedirectTarget? Target { get; }

    public AadError? Error { get; }

    public static AuthorizeValidation Valid(AuthorizeRequest request) => new(request, request.Target, null);

    public static AuthorizeValidation Redirect(RedirectTarget target, AadError error) => new(null, target, error);

    public static AuthorizeValidation Page(AadError error) => new(null, null, error);
}
