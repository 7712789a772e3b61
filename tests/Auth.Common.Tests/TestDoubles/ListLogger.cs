using Microsoft.Extensions.Logging;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>Records every log entry as its formatted message plus its exception's <c>ToString()</c>.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, int EventId, string Text)> Entries { get; } = [];

    public string All => string.Join('\n', Entries.Select(e => e.Text));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, eventId.Id, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));
        }
    }
}
