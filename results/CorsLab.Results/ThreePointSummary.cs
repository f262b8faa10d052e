namespace CorsLab.Results;

/// <summary>
/// Client timings joined with the origin's per request (<c>x-corslab-id</c>), one clock for both. All µs.
/// <list type="bullet">
/// <item><see cref="InboundDelay"/>: client send → origin head in (the proxy's way in).</item>
/// <item><see cref="OriginTime"/>: origin head in → origin last byte out.</item>
/// <item><see cref="FirstByteGap"/>: origin first body byte out → client first body byte (the way out);
/// buffering shows as a large gap and <see cref="FirstByteAfterOriginLast"/> near 1.</item>
/// <item><see cref="LastByteGap"/>: origin last byte out → client last byte.</item>
/// <item><see cref="RequestFirstByteGap"/>: client's last request-body byte sent → origin's first request-body byte in,
/// for uploads; request buffering shows as the origin's first byte arriving after the client's last.</item>
/// </list>
/// Client connections are the TCP connections the load client used for the joined requests; origin connections
/// the distinct Kestrel connection ids that carried them: more origin connections per request than client
/// connections per request means the proxy churns upstream connections.
/// </summary>
public sealed record ThreePointSummary(
    long Joined,
    long Unmatched,
    PercentileSummary InboundDelay,
    PercentileSummary OriginTime,
    PercentileSummary FirstByteGap,
    PercentileSummary LastByteGap,
    PercentileSummary? RequestFirstByteGap,
    double FirstByteAfterOriginLast,
    double RequestFirstByteAfterClientLast,
    long OriginConnections,
    long ClientConnections,
    double OriginConnectionsPerRequest)
{
    /// <summary>
    /// Requests whose origin body took at least 1 ms to write: only these can show response buffering, so
    /// <see cref="FirstByteAfterOriginLast"/> is the fraction of these (0 when none). Added in corslab.run/1; absent means unknown.
    /// </summary>
    public long BufferingEligible { get; init; }

    /// <summary>Uploads whose client body took at least 1 ms to send; <see cref="RequestFirstByteAfterClientLast"/> is the fraction of these.</summary>
    public long RequestBufferingEligible { get; init; }

    /// <summary>
    /// The median and the p99 request of the joined sample as time lines (the waterfall picture), so a stall or a
    /// buffered body shows as one request rather than as a shifted percentile. Added in corslab.run/1; absent in
    /// older files and when no joined request completed.
    /// </summary>
    public RequestWaterfalls? Waterfalls { get; init; }
}

/// <summary>Percentiles of a derived quantity, µs.</summary>
public sealed record PercentileSummary(double P50, double P90, double P99, double Max);
