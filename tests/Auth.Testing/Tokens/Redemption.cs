using Auth.Testing.Errors;

namespace Auth.Testing.Tokens;

/// <summary>The outcome of redeeming a code or token from a store: what it stood for, or the error to answer with.</summary>
internal readonly record struct Redemption<T>(T? Value, AadError? Error)
    where T : class
{
    public static Redemption<T> Success(T value) => new(value, null);

    public static Redemption<T> Failure(AadError error) => new(null, error);
}
