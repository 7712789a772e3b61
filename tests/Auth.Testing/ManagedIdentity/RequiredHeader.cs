namespace Auth.Testing.ManagedIdentity;

/// <summary>A header a source requires with an exact value (compared in constant time), and how it refuses a request without it.</summary>
/// <param name="Name">The header name (matched case-insensitively).</param>
/// <param name="Value">The exact value required.</param>
/// <param name="MissingStatus">The status when the header is absent.</param>
/// <param name="WrongStatus">The status when the value differs.</param>
/// <param name="Code">The error code of the refusal.</param>
/// <param name="Message">The error text of the refusal (never containing the value).</param>
internal sealed record RequiredHeader(string Name, string Value, int MissingStatus, int WrongStatus, string Code, string Message)
{
    /// <summary>Never prints the value: it may be the source's secret.</summary>
    public override string ToString() => $"RequiredHeader {{ Name = {Name} }}";
}
