using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Core.Tests.Observability;

/// <summary>Keeps every record its loggers write; one per engine run, so parallel runs never mix.</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedRecord> _records = new();

    public IReadOnlyList<LoggedRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _records);

    public void Dispose()
    {
    }
}
