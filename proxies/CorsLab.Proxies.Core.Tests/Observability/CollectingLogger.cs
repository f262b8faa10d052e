using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Core.Tests.Observability;

/// <summary>A logger of <see cref="CollectingLoggerProvider"/>: the level filter is the logging builder's.</summary>
internal sealed class CollectingLogger(string category, ConcurrentQueue<LoggedRecord> records) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        records.Enqueue(new LoggedRecord(category, logLevel, eventId, formatter(state, exception)));
    }
}
