using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Core.Tests.Observability;

/// <summary>One log record an engine wrote.</summary>
public sealed record LoggedRecord(string Category, LogLevel Level, EventId EventId, string Message);
