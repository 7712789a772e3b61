using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Users;

namespace Auth.Testing.Authorization;

/// <summary>
/// The POST of the sign-in page: "Cancel" redirects <c>access_denied</c> with the <c>state</c>; "Sign in" with a
/// registered user's username and password completes the request; wrong credentials show the page again.
/// </summary>
internal sealed class SignInForm
{
    public const string WrongCredentials = "Your account or password is incorrect.";

    private readonly UserDirectory _users;
    private readonly AuthorizationResponseWriter _writer;
    private readonly SignInCompletion _completion;

    public SignInForm(UserDirectory users, AuthorizationResponseWriter writer, SignInCompletion completion)
    {
        _users = users;
        _writer = writer;
        _completion = completion;
    }

    /// <param name="request">The authorization request the form's action repeats, validated again.</param>
    /// <param name="call">The POST.</param>
    public HttpReply Submit(AuthorizeRequest request, AuthorizeCall call)
    {
        if (!FormBody.IsFormContentType(call.ContentType))
        {
            return _writer.ErrorPage(AadErrors.MalformedRequest("The sign-in form must be posted as application/x-www-form-urlencoded."));
        }

        var fields = FormBody.Parse(call.Body, out _);
        if (fields.GetValueOrDefault("action") == "cancel")
        {
            return _writer.Error(request.Target, AadAuthorizeErrors.UserDeclined());
        }

        var username = fields.GetValueOrDefault("username")?.Trim() ?? string.Empty;
        var user = username.Length == 0 ? null : _users.Find(username);
        if (user is null || !UserDirectory.PasswordMatches(user, fields.GetValueOrDefault("password") ?? string.Empty))
        {
            return SignInPage.Render(request, call.Query, username, WrongCredentials);
        }

        return _completion.Complete(request, user);
    }
}
