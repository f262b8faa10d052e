using System.Diagnostics;
using System.Diagnostics.Metrics;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Core.Telemetry;

/// <summary>
/// Every engine's instruments, on a meter named like the traces' source (<see cref="ProxyTelemetry.SourceName"/>).
/// One meter per engine run, never a static: engines run side by side in one test process keep their counts apart.
/// Names follow the OpenTelemetry HTTP semantic conventions where one exists.
/// </summary>
public sealed class ProxyMetrics : IDisposable
{
    public const string MeterName = ProxyTelemetry.SourceName;

    /// <summary>Histogram, seconds, per request the contract answered; tags method, status (absent when aborted), error.type.</summary>
    public const string RequestDuration = "http.server.request.duration";

    /// <summary>Counter of requests handed to the forwarder, whatever their outcome.</summary>
    public const string Forwarded = "corslab.proxy.forwarded";

    /// <summary>Counter of forwarding failures; tags error.type (the <see cref="UpstreamError"/> name) and the failed side.</summary>
    public const string Failures = "corslab.proxy.failures";

    public const string AttrFailureSide = "corslab.failure.side";

    // The semantic conventions' advice for http.server.request.duration, as ASP.NET Core's hosting metrics use.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Meter? _owned;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _forwarded;
    private readonly Counter<long> _failures;

    /// <param name="meterFactory">Owns the meter it creates; null: this instance creates one and disposes it.</param>
    public ProxyMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(new MeterOptions(MeterName)) ?? (_owned = new Meter(MeterName));
        _duration = meter.CreateHistogram<double>(
            RequestDuration,
            "s",
            "Duration of requests the proxy answered.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _forwarded = meter.CreateCounter<long>(Forwarded, "{request}", "Requests handed to the forwarder.");
        _failures = meter.CreateCounter<long>(Failures, "{failure}", "Forwarding failures by kind and side.");
    }

    /// <param name="statusCode">The status sent; 0 when the response was aborted.</param>
    public void RequestHandled(long startTimestamp, ReadOnlySpan<char> method, int statusCode, UpstreamError error)
    {
        if (!_duration.Enabled)
        {
            return;
        }

        var tags = new TagList { { ProxyTelemetry.AttrMethod, MethodTag(method) } };
        if (statusCode != 0)
        {
            tags.Add(ProxyTelemetry.AttrStatus, statusCode);
        }

        if (error != UpstreamError.None)
        {
            tags.Add(ProxyTelemetry.AttrError, error.ToString());
        }

        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }

    public void RequestForwarded() => _forwarded.Add(1);

    public void ForwardFailed(UpstreamFailure failure)
    {
        if (_failures.Enabled)
        {
            _failures.Add(1, new(ProxyTelemetry.AttrError, failure.Error.ToString()), new(AttrFailureSide, failure.Side));
        }
    }

    public void Dispose() => _owned?.Dispose();

    // The conventions bound the tag's values: a method outside the known set is "_OTHER".
    private static string MethodTag(ReadOnlySpan<char> method) => method switch
    {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        "CONNECT" => "CONNECT",
        "TRACE" => "TRACE",
        _ => "_OTHER",
    };
}
