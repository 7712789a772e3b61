using Auth.Testing.Errors;
using Auth.Testing.Http;

namespace Auth.Testing.Grants;

/// <summary>What a grant handler answers: a success reply, or an Entra error the token endpoint renders.</summary>
internal sealed class GrantResult
{
    private GrantResult(HttpReply? reply, AadError? error)
    {
        Reply = reply;
        Error = error;
    }

    public HttpReply? Reply { get; }

    public AadError? Error { get; }

    public static GrantResult Success(HttpReply reply) => new(reply, null);

    public static GrantResult Failure(AadError error) => new(null, error);
}
