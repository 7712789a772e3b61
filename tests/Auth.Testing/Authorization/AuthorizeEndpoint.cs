using System.Collections.Concurrent;
using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Tokens;
using Auth.Testing.Users;

namespace Auth.Testing.Authorization;

/// <summary>
/// <c>GET /{tenant}/oauth2/v2.0/authorize</c>: validates the request, then signs in the chosen user without any
/// page (the browser is "already signed in") and redirects with a code. A sign-in form mode would answer a page
/// where this signs in, and call <see cref="Complete"/> from the form's POST handler.
/// </summary>
internal sealed class AuthorizeEndpoint
{
    private readonly ConcurrentQueue<(AadError Error, string? Description)> _scriptedFailures = new();
    private readonly AuthorizeRequestValidator _validator;
    private readonly AuthorizationCodeStore _codes;
    private readonly UserDirectory _users;
    private readonly AuthorizationResponseWriter _writer;
    private readonly RequestLog _log;
    private readonly TimeProvider _timeProvider;

    public AuthorizeEndpoint(
        AuthorizeRequestValidator validator,
        AuthorizationCodeStore codes,
        UserDirectory users,
        AuthorizationResponseWriter writer,
        RequestLog log,
        TimeProvider timeProvider)
    {
        _validator = validator;
        _codes = codes;
        _users = users;
        _writer = writer;
        _log = log;
        _timeProvider = timeProvider;
    }

    /// <summary>Makes the next valid request (trusted client and redirect URI) redirect with this error.</summary>
    public void FailNext(string error, string? description) =>
        _scriptedFailures.Enqueue((AadAuthorizeErrors.Scripted(error), description));

    /// <param name="tenant">The tenant path segment.</param>
    /// <param name="rawQuery">The request's query string, with or without the leading '?'.</param>
    public HttpReply Handle(string tenant, string? rawQuery)
    {
        _log.RecordAuthorize();
        var query = FormBody.Parse(rawQuery?.TrimStart('?'), out var duplicate);
        var validation = _validator.Validate(tenant, query, duplicate);
        if (validation.Target is null)
        {
            return _writer.ErrorPage(validation.Error!);
        }

        if (validation.Error is not null)
        {
            return _writer.Error(validation.Target, validation.Error);
        }

        if (_scriptedFailures.TryDequeue(out var failure))
        {
            return _writer.Error(validation.Target, failure.Error, failure.Description);
        }

        return Complete(validation.Request!, _users.SignedIn);
    }

    /// <summary>Finishes a validated request for a signed-in user: issues the code and sends it to the redirect URI.</summary>
    public HttpReply Complete(AuthorizeRequest request, FakeUser user)
    {
        var now = _timeProvider.GetUtcNow();
        var signIn = new UserSignIn(user, request.ClientId, request.Scope, now, request.Nonce);
        var code = _codes.Issue(new AuthorizationCode(signIn, request.Target.RedirectUri, request.CodeChallenge, now + AuthorizationCodeStore.Lifetime));
        return AuthorizationResponseWriter.Success(request.Target, code);
    }
}
