using Auth.Testing.Http;
using Auth.Testing.Tokens;

namespace Auth.Testing.Authorization;

/// <summary>Finishes a validated authorization request for a signed-in user: issues the code and sends it to the redirect URI.</summary>
internal sealed class SignInCompletion
{
    private readonly AuthorizationCodeStore _codes;
    private readonly TimeProvider _timeProvider;
    private readonly ScopeGrantPolicy _policy;

    public SignInCompletion(AuthorizationCodeStore codes, TimeProvider timeProvider, ScopeGrantPolicy policy)
    {
        _policy = policy;
        _codes = codes;
        _timeProvider = timeProvider;
    }

    public HttpReply Complete(AuthorizeRequest request, FakeUser user)
    {
        var now = _timeProvider.GetUtcNow();
        var signIn = _policy.Grant(new UserSignIn(user, request.ClientId, request.Scope, now, request.Nonce), request.ConsentPrompted);
        var code = _codes.Issue(new AuthorizationCode(signIn, request.Target.RedirectUri, request.CodeChallenge, now + AuthorizationCodeStore.Lifetime));
        return AuthorizationResponseWriter.Success(request.Target, code);
    }
}
