using Microsoft.Extensions.Logging;

namespace Auth.Extensions.Tests.TestDoubles;

/// <summary>One log call as <see cref="CapturingLoggerFactory"/> saw it.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception)
{
    /// <summary>The message, the exception and its properties as one string, for "never logs X" checks.</summary>
    public string Everything => $"{Category} {Level} {EventId} {Message} {Exception}";
}
