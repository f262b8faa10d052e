using System.Globalization;
using CorsLab.Tracing.Otlp.Collector;
using CorsLab.Tracing.Otlp.Metrics;

namespace CorsLab.Tracing;

/// <summary>An OTLP metrics export as <see cref="MetricPointRecord"/>s, the lines of <c>metrics.jsonl</c>.</summary>
internal static class MetricPointRecords
{
    public static IEnumerable<MetricPointRecord> From(ExportMetricsServiceRequest export)
    {
        foreach (var resource in export.ResourceMetrics)
        {
            var service = OtlpValues.Text(resource.Resource?.Attributes, OtlpValues.ServiceName);
            var pid = int.TryParse(OtlpValues.Text(resource.Resource?.Attributes, OtlpValues.ProcessPid), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
            foreach (var scope in resource.ScopeMetrics)
            {
                var template = new MetricPointRecord { Name = "", Kind = "", Service = service, Pid = pid, Scope = string.IsNullOrEmpty(scope.Scope?.Name) ? null : scope.Scope.Name };
                foreach (var metric in scope.Metrics)
                {
                    foreach (var point in Points(metric, template with { Name = metric.Name, Unit = string.IsNullOrEmpty(metric.Unit) ? null : metric.Unit }))
                    {
                        yield return point;
                    }
                }
            }
        }
    }

    private static IEnumerable<MetricPointRecord> Points(Metric metric, MetricPointRecord template) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(point => Number(point, template with { Kind = MetricKinds.Gauge })),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(point => Number(point, template with
        {
            Kind = MetricKinds.Sum,
            Monotonic = metric.Sum.IsMonotonic,
            Temporality = Temporality(metric.Sum.AggregationTemporality),
        })),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(point => template with
        {
            Kind = MetricKinds.Histogram,
            Temporality = Temporality(metric.Histogram.AggregationTemporality),
            StartUnixNs = point.StartTimeUnixNano,
            TimeUnixNs = point.TimeUnixNano,
            Attributes = OtlpValues.Texts(point.Attributes),
            Count = point.Count,
            Sum = point.HasSum ? point.Sum : null,
        }),
        _ => [],
    };

    private static MetricPointRecord Number(NumberDataPoint point, MetricPointRecord template) => template with
    {
        StartUnixNs = point.StartTimeUnixNano,
        TimeUnixNs = point.TimeUnixNano,
        Attributes = OtlpValues.Texts(point.Attributes),
        Value = point.ValueCase switch
        {
            NumberDataPoint.ValueOneofCase.AsDouble => point.AsDouble,
            NumberDataPoint.ValueOneofCase.AsInt => point.AsInt,
            _ => null,
        },
    };

    private static string? Temporality(AggregationTemporality temporality) => temporality switch
    {
        AggregationTemporality.Cumulative => MetricKinds.Cumulative,
        AggregationTemporality.Delta => MetricKinds.Delta,
        _ => null,
    };
}
