using System.Collections.Concurrent;
using Auth.Common.Errors;
using Auth.Common.Responses;

namespace Auth.IntegrationTests.Load;

/// <summary>How the calls of one load round ended: tokens, typed exceptions by code, and anything else.</summary>
internal sealed class RoundOutcome
{
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _untyped = new();
    private int _tokens;
    private int _wrongTenant;
    private int _hung;

    public int Tokens => Volatile.Read(ref _tokens);

    /// <summary>Gets the tokens issued for another tenant than the caller asked for.</summary>
    public int WrongTenant => Volatile.Read(ref _wrongTenant);

    /// <summary>Gets the calls that did not end within the hang timeout.</summary>
    public int Hung => Volatile.Read(ref _hung);

    /// <summary>Gets the <see cref="AuthException"/>s by type and code.</summary>
    public IReadOnlyDictionary<string, int> TypedErrors => _errors;

    /// <summary>Gets the exceptions that are not <see cref="AuthException"/>s (type and message).</summary>
    public IReadOnlyCollection<string> Untyped => _untyped;

    public int Total => Tokens + TypedErrors.Values.Sum() + Untyped.Count + Hung;

    public TimeSpan WallTime { get; set; }

    public void Token(AuthenticationResult result, string expectedTenant)
    {
        Interlocked.Increment(ref _tokens);
        if (!string.Equals(result.TenantId, expectedTenant, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _wrongTenant);
        }
    }

    public void Failed(Exception exception)
    {
        switch (exception)
        {
            case TimeoutException:
                Interlocked.Increment(ref _hung);
                break;
            case AuthException auth:
                _errors.AddOrUpdate($"{auth.GetType().Name}:{auth.Code}", 1, static (_, n) => n + 1);
                break;
            default:
                _untyped.Enqueue($"{exception.GetType().FullName}: {exception.Message}");
                break;
        }
    }

    public override string ToString() =>
        $"{Total} calls in {WallTime.TotalSeconds:0.0} s: {Tokens} tokens, "
        + string.Join(", ", TypedErrors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value} {e.Key}"))
        + $", {Untyped.Count} untyped, {Hung} hung, {WrongTenant} for the wrong tenant";
}
