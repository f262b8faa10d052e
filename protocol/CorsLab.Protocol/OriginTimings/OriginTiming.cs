using System.Text.Json.Serialization;

namespace CorsLab.Protocol.OriginTimings;

/// <summary>
/// What the origin saw of one request carrying the <see cref="CorrelationHeader"/>. Instants are raw
/// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> ticks (one clock for every process on the host,
/// frequency in <see cref="OriginTimingsPage.Frequency"/>); null when the event did not happen.
/// </summary>
/// <param name="Seq">Publication order, from 1.</param>
/// <param name="Id">The the <see cref="CorrelationHeader"/> value.</param>
/// <param name="ConnectionId">Kestrel's connection id: equal ids mean one connection carried both requests.</param>
/// <param name="Path">Path and query as received.</param>
/// <param name="Status">Status code sent (or set when the request was aborted).</param>
/// <param name="HeadIn">When the request head reached the first middleware.</param>
/// <param name="RequestBodyFirst">When the read that returned the first request-body byte completed.</param>
/// <param name="RequestBodyLast">When the read that returned the last request-body byte completed.</param>
/// <param name="ResponseStart">When the response head was committed (just before it is written).</param>
/// <param name="ResponseBodyFirst">When the write or flush carrying the first response-body byte completed.</param>
/// <param name="ResponseBodyLast">When the write or flush carrying the last response-body byte completed.</param>
/// <param name="Aborted">
/// The request was aborted (the client went away, or the connection broke) or the response ended short of its
/// Content-Length (as <c>/reset-after</c> does); omitted when false.
/// </param>
public sealed record OriginTiming(
    long Seq,
    string Id,
    string ConnectionId,
    string Method,
    string Path,
    int Status,
    long HeadIn,
    long? RequestBodyFirst,
    long? RequestBodyLast,
    long RequestBytes,
    long? ResponseStart,
    long? ResponseBodyFirst,
    long? ResponseBodyLast,
    long ResponseBytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Aborted = false);
