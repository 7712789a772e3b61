namespace Auth.FuzzTests.Harness;

/// <summary>An input broke the fuzz contract in a way other than an exception (too slow, too much memory).</summary>
internal sealed class FuzzContractException : Exception
{
    public FuzzContractException(string message)
        : base(message)
    {
    }
}
