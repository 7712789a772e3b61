using Auth.Testing.Authorization;
using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Users;

namespace Auth.Testing.B2C;

/// <summary>
/// A browser at a <see cref="FakeB2CTenant"/>'s policy: the page of its flow (<see cref="Show"/>) and the page's POST
/// (<see cref="Submit"/>). A sign-in, sign-up or password reset starts the B2C session (<see cref="B2CSessions"/>) and
/// completes the request with a code for the user; "Forgot your password?" and Cancel redirect <c>access_denied</c>
/// with AADB2C90118 and AADB2C90091, as B2C does.
/// </summary>
internal sealed class B2CUserFlow
{
    private const string WrongCredentials = "Your password is incorrect.";

    private readonly UserDirectory _users;
    private readonly AuthorizationResponseWriter _writer;
    private readonly SignInCompletion _completion;
    private readonly B2CSessions _sessions;
    private readonly TimeProvider _time;

    public B2CUserFlow(UserDirectory users, AuthorizationResponseWriter writer, SignInCompletion completion, B2CSessions sessions, TimeProvider time)
    {
        _users = users;
        _writer = writer;
        _completion = completion;
        _sessions = sessions;
        _time = time;
    }

    public HttpReply Show(AuthorizeRequest request, AuthorizeCall call, B2CPolicyCall flow)
    {
        var page = B2CPage.For(request, flow.Tenant, call.Query);
        var screen = B2CPage.ScreenOf(FormBody.Parse(call.Query, out _));
        return flow.Kind switch
        {
            B2CPolicyKind.SignUpSignIn when screen == "forgot" => _writer.Error(request.Target, AadAuthorizeErrors.UserDeclined(), B2CErrors.ForgotPassword(_time.GetUtcNow())),
            B2CPolicyKind.SignUpSignIn when screen == "signup" => B2CPages.SignUp(page, null, null, null),
            B2CPolicyKind.SignUpSignIn => B2CPages.SignIn(page, links: true, FormBody.Parse(call.Query, out _).GetValueOrDefault("login_hint"), null),
            B2CPolicyKind.EditProfile => SessionUser(flow) is { } user ? B2CPages.EditProfile(page, user, null) : B2CPages.SignIn(page, links: false, null, null),
            _ => B2CPages.ResetPassword(page, null, null),
        };
    }

    public HttpReply Submit(AuthorizeRequest request, AuthorizeCall call, B2CPolicyCall flow)
    {
        if (!FormBody.IsFormContentType(call.ContentType))
        {
            return _writer.ErrorPage(AadErrors.MalformedRequest("The page's form must be posted as application/x-www-form-urlencoded."));
        }

        var fields = FormBody.Parse(call.Body, out _);
        var page = B2CPage.For(request, flow.Tenant, call.Query);
        return fields.GetValueOrDefault("action") switch
        {
            "cancel" => _writer.Error(request.Target, AadAuthorizeErrors.UserDeclined(), B2CErrors.Cancelled(_time.GetUtcNow())),
            "signin" => SignIn(page, flow, fields),
            "signup" when flow.Kind == B2CPolicyKind.SignUpSignIn => SignUp(page, flow, fields),
            "save" when flow.Kind == B2CPolicyKind.EditProfile => SaveProfile(page, flow, fields),
            "reset" when flow.Kind == B2CPolicyKind.PasswordReset => Reset(page, flow, fields),
            _ => Show(request, call, flow),
        };
    }

    private HttpReply SignIn(B2CPage page, B2CPolicyCall flow, Dictionary<string, string> fields)
    {
        var email = Field(fields, "email");
        var user = email.Length == 0 ? null : _users.Find(email);
        if (user is null || !UserDirectory.PasswordMatches(user, fields.GetValueOrDefault("password") ?? string.Empty))
        {
            return B2CPages.SignIn(page, links: flow.Kind == B2CPolicyKind.SignUpSignIn, email, user is null ? "We can't seem to find your account." : WrongCredentials);
        }

        var session = _sessions.Start(user.Username, flow.Secure);
        return (flow.Kind == B2CPolicyKind.EditProfile ? B2CPages.EditProfile(page, user, null) : _completion.Complete(page.Request, user))
            .WithHeader("Set-Cookie", session);
    }

    private HttpReply SignUp(B2CPage page, B2CPolicyCall flow, Dictionary<string, string> fields)
    {
        var (email, name, password) = (Field(fields, "email"), Field(fields, "displayName"), fields.GetValueOrDefault("newPassword") ?? string.Empty);
        if (email.Length == 0 || name.Length == 0 || password.Length < 8)
        {
            return B2CPages.SignUp(page, email, name, "Enter your email address, a display name and a password of at least 8 characters.");
        }

        if (_users.Find(email) is not null)
        {
            return B2CPages.SignUp(page, email, name, "A user with the specified ID already exists. Please choose a different one.");
        }

        var user = _users.Register(new FakeUser { Username = email, Password = password, Name = name });
        return _completion.Complete(page.Request, user).WithHeader("Set-Cookie", _sessions.Start(user.Username, flow.Secure));
    }

    private HttpReply SaveProfile(B2CPage page, B2CPolicyCall flow, Dictionary<string, string> fields)
    {
        if (SessionUser(flow) is not { } user)
        {
            return B2CPages.SignIn(page, links: false, null, "Your session has ended. Sign in again.");
        }

        var name = Field(fields, "displayName");
        return name.Length == 0
            ? B2CPages.EditProfile(page, user, "Enter a display name.")
            : _completion.Complete(page.Request, _users.Register(user with { Name = name }));
    }

    private HttpReply Reset(B2CPage page, B2CPolicyCall flow, Dictionary<string, string> fields)
    {
        var email = Field(fields, "email");
        var password = fields.GetValueOrDefault("newPassword") ?? string.Empty;
        if (_users.Find(email) is not { } user)
        {
            return B2CPages.ResetPassword(page, email, "An account could not be found for the provided user ID.");
        }

        if (password.Length < 8)
        {
            return B2CPages.ResetPassword(page, email, "The password must have at least 8 characters.");
        }

        var updated = _users.Register(user with { Password = password });
        return _completion.Complete(page.Request, updated).WithHeader("Set-Cookie", _sessions.Start(updated.Username, flow.Secure));
    }

    private FakeUser? SessionUser(B2CPolicyCall flow) => _sessions.UsernameOf(flow.Cookie) is { } username ? _users.Find(username) : null;

    private static string Field(Dictionary<string, string> fields, string name) => fields.GetValueOrDefault(name)?.Trim() ?? string.Empty;
}
