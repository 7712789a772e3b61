using Auth.Common.Errors;

namespace Auth.FuzzTests.Harness;

/// <summary>Checks inside a fuzz target that go beyond "only AuthException".</summary>
internal static class FuzzAssert
{
    /// <summary>Runs <paramref name="action"/>; any exception, an AuthException included, breaks the contract.</summary>
    public static void NoException(string promise, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            throw new FuzzContractException($"{promise}, but it threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Runs <paramref name="action"/>; an <see cref="AuthException"/> is the documented refusal and is ignored.</summary>
    public static void Refusable(Action action)
    {
        try
        {
            action();
        }
        catch (AuthException)
        {
        }
    }
}
