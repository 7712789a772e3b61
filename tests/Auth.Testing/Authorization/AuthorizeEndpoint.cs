using System.Collections.Concurrent;
using Auth.Testing.B2C;
using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Tokens;
using Auth.Testing.Users;

namespace Auth.Testing.Authorization;

/// <summary>
/// <c>GET|POST /{tenant}/oauth2/v2.0/authorize</c>: validates the request, then either signs in the chosen user
/// without any page (the browser is "already signed in") and redirects with a code, or, when a browser asks for a
/// page (<see cref="AuthorizeCall.WantsPage"/>), shows the sign-in page whose POST <see cref="SignInForm"/> handles, or
/// at a <see cref="FakeB2CTenant"/>'s policy the pages of its user flow (<see cref="B2CUserFlow"/>).
/// </summary>
internal sealed class AuthorizeEndpoint
{
    private readonly ConcurrentQueue<(AadError Error, string? Description)> _scriptedFailures = new();
    private readonly AuthorizeRequestValidator _validator;
    private readonly UserDirectory _users;
    private readonly AuthorizationResponseWriter _writer;
    private readonly SignInCompletion _completion;
    private readonly SignInForm _form;
    private readonly B2CUserFlow _b2c;
    private readonly RequestLog _log;

    public AuthorizeEndpoint(
        AuthorizeRequestValidator validator,
        UserDirectory users,
        AuthorizationResponseWriter writer,
        SignInCompletion completion,
        B2CUserFlow b2c,
        RequestLog log)
    {
        _b2c = b2c;
        _validator = validator;
        _users = users;
        _writer = writer;
        _completion = completion;
        _form = new SignInForm(users, writer, completion);
        _log = log;
    }

    /// <summary>Makes the next valid request (trusted client and redirect URI) redirect with this error.</summary>
    public void FailNext(string error, string? description) =>
        _scriptedFailures.Enqueue((AadAuthorizeErrors.Scripted(error), description));

    public HttpReply Handle(AuthorizeCall call)
    {
        _log.RecordAuthorize();
        var query = FormBody.Parse(call.Query, out var duplicate);
        var validation = _validator.Validate(call.Tenant, query, duplicate, call.ResponseIssuer);
        if (validation.Target is null)
        {
            return _writer.ErrorPage(validation.Error!);
        }

        if (validation.Error is not null)
        {
            return _writer.Error(validation.Target, validation.Error);
        }

        var request = validation.Request!;
        if (call.IsFormPost)
        {
            return call.B2C is { } policy ? _b2c.Submit(request, call, policy) : _form.Submit(request, call);
        }

        if (_scriptedFailures.TryDequeue(out var failure))
        {
            return _writer.Error(validation.Target, failure.Error, failure.Description);
        }

        if (!call.WantsPage)
        {
            return _completion.Complete(request, _users.SignedIn);
        }

        return call.B2C is { } flow ? _b2c.Show(request, call, flow) : SignInPage.Render(request, call.Query, query.GetValueOrDefault("login_hint"), error: null);
    }
}
