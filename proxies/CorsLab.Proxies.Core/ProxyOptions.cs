using System.Diagnostics.Metrics;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Policy;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Core;

/// <summary>Everything an engine process is started with; immutable once the engine runs.</summary>
public sealed record ProxyOptions
{
    /// <summary>Where the engine listens; 127.0.0.1 by default, port 0 picks a free one.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    public Fault Faults { get; init; } = Fault.None;

    /// <summary>How long fault added-latency holds each forwarded request; zero without the fault.</summary>
    public TimeSpan AddedLatency { get; init; }

    /// <summary>Upstream connections per origin under fault pool-limit; zero without the fault.</summary>
    public int PoolLimit { get; init; }
    /// <summary>Fault cpu-tax: the extra CPU each forwarded request burns, in percent of its own cost; zero without the fault.</summary>
    public int CpuTaxPercent { get; init; }

    public TargetPolicy Policy { get; init; } = TargetPolicy.Default;

    public ProxyLimits Limits { get; init; } = new();

    /// <summary>A PEM file whose certificates are trusted as roots for https upstreams, besides the system's.</summary>
    public string? UpstreamCaPath { get; init; }

    /// <summary>
    /// The least severe log record written. Warning keeps a normal run quiet: upstream failures and client aborts
    /// are Information and Debug, so a load run whose scenario fails on purpose does not flood stderr.
    /// </summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Where log records go instead of the console on stderr (tests collect them).</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>Creates the engine run's meter; null: the engine creates its own and disposes it when it stops.</summary>
    public IMeterFactory? MeterFactory { get; init; }

    public bool Has(Fault fault) => (Faults & fault) == fault && fault != Fault.None;

    /// <summary>How long the upstream may take to send its head: <see cref="ProxyLimits.ResponseHeadTimeout"/>, or no limit under fault no-timeout.</summary>
    public TimeSpan UpstreamHeadTimeout => Has(Fault.NoTimeout) ? Timeout.InfiniteTimeSpan : Limits.ResponseHeadTimeout;

    /// <summary>How long an upstream body may sit idle: <see cref="ProxyLimits.BodyIdleTimeout"/>, or no limit under fault no-timeout.</summary>
    public TimeSpan UpstreamBodyIdleTimeout => Has(Fault.NoTimeout) ? Timeout.InfiniteTimeSpan : Limits.BodyIdleTimeout;

    /// <summary>Whether the client-facing sockets leave Nagle's algorithm on (faults nagle and nagle-accepted).</summary>
    public bool ClientNagle => Has(Fault.Nagle) || Has(Fault.NagleAccepted);
}
