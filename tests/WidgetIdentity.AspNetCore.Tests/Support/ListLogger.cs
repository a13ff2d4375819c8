using Microsoft.Extensions.Logging;

namespace WidgetIdentity.Tests.Support;

/// <summary>Collects log entries so tests can assert on what was (and was not) logged.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public List<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider.Entries)
            {
                provider.Entries.Add((logLevel, eventId, formatter(state, exception)));
            }
        }
    }
}
