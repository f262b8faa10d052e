using CorsLab.Tracing.Otlp.Collector;
using Grpc.Core;

namespace CorsLab.Tracing;

/// <summary>OTLP/gRPC: <c>opentelemetry.proto.collector.metrics.v1.MetricsService/Export</c>, every data point to the file.</summary>
internal sealed class MetricsExportService(ReceiverFiles files) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        files.Metrics.Append(MetricPointRecords.From(request));
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}
