using CorsLab.Proxies.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Pipelines.Logging;

/// <summary>The engine run's logger and meter, handed together to the listener and every connection.</summary>
internal sealed record EngineObserver(ILogger Logger, ProxyMetrics Metrics);
