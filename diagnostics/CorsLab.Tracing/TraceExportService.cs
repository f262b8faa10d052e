using CorsLab.Tracing.Otlp.Collector;
using Grpc.Core;

namespace CorsLab.Tracing;

/// <summary>OTLP/gRPC: <c>opentelemetry.proto.collector.trace.v1.TraceService/Export</c>, every span to the file.</summary>
internal sealed class TraceExportService(ReceiverFiles files) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        files.Spans.Append(SpanRecords.From(request));
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}
