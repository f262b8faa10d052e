using System.Buffers;
using System.IO.Pipelines;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using CorsLab.Proxies.Pipelines.Http;
using CorsLab.Proxies.Pipelines.Logging;

namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>
/// The one place a forwarding failure becomes what the client sees, as Core's <c>ContractFrontEnd</c> does for
/// the Kestrel engines: before the response started, the contract's status and body (403/502/504, with CORS);
/// after, or with nothing to say (client gone), an abort, so half a body never looks complete. Every failure is
/// counted and logged here.
/// </summary>
internal static class FailureResponse
{
    public enum Action
    {
        Respond,
        Abort,
    }

    public static Action Decide(UpstreamFailure failure, bool responseStarted, string targetHost, EngineObserver observer)
    {
        observer.Metrics.ForwardFailed(failure);
        observer.Logger.Failure(failure, targetHost);
        return responseStarted || failure.StatusCode == 0 || failure.Error == UpstreamError.ClientAborted ? Action.Abort : Action.Respond;
    }

    /// <summary>A complete small response of the contract: status, CORS headers, a text body (none for HEAD).</summary>
    /// <param name="origin">The request's Origin; empty when it had none.</param>
    public static void WriteContract(PipeWriter writer, int status, string body, bool cors, ReadOnlySpan<char> origin, bool keepAlive, bool isHead)
    {
        writer.Write(StatusLines.For(status));
        if (cors)
        {
            CorsHeaders.ApplySpans(origin, [], writer, static (w, name, value) => HeadWriter.Header(w, name, value));
        }

        if (status != 204)
        {
            HeadWriter.Header(writer, "Content-Type", ContractMessages.TextPlain);
            HeadWriter.Header(writer, HttpSyntax.ContentLength, System.Text.Encoding.UTF8.GetByteCount(body));
        }

        if (!keepAlive)
        {
            HeadWriter.Header(writer, HttpSyntax.Connection, HttpSyntax.Close);
        }

        HeadWriter.EndOfHead(writer);
        if (!isHead && status != 204)
        {
            var span = writer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(body.Length));
            writer.Advance(System.Text.Encoding.UTF8.GetBytes(body, span));
        }
    }

    public static void WriteFailure(PipeWriter writer, UpstreamFailure failure, ReadOnlySpan<char> origin, bool keepAlive, bool isHead) =>
        WriteContract(writer, failure.StatusCode, failure.Body, cors: true, origin, keepAlive, isHead);
}
