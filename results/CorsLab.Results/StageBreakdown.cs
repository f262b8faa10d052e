namespace CorsLab.Results;

/// <summary>
/// Where a request's time went inside the proxy, from the engine's own spans (OTLP): medians in milliseconds over the
/// traced requests of the measured phase. Absent when nothing was traced (a non-.NET target, a run that sent its spans
/// to an outside collector, older runs). A stage no traced request showed is null.
/// </summary>
public sealed record StageBreakdown
{
    /// <summary>Requests whose server and upstream spans were both received (a sample: see <c>--trace-sampling</c>).</summary>
    public int TracedRequests { get; init; }

    /// <summary>From the server span's start to the upstream span's: parsing, the contract's checks, any fault's wait.</summary>
    public double? InProxyMs { get; init; }

    /// <summary>Getting an upstream connection: the runtime's networking spans (DNS, connect, TLS, pool wait); ≈ 0 when pooled.</summary>
    public double? ConnectMs { get; init; }

    /// <summary>From the upstream span's start, less the connect time, to the upstream's response head.</summary>
    public double? HeadWaitMs { get; init; }

    /// <summary>From the upstream's response head to the end of the body copy to the client.</summary>
    public double? BodyCopyMs { get; init; }

    /// <summary>Traced requests whose body copy (upstream head to <c>upstream.end</c>) took 1 ms or more: the ones a streaming engine starts sending early in.</summary>
    public int BufferingEligible { get; init; }

    /// <summary>
    /// Of <see cref="BufferingEligible"/>, the fraction whose first byte out (the server span's <c>first-byte-out</c>)
    /// came only in the last tenth of the body copy: the engine's own account of holding the response back until the
    /// upstream body was in. A streaming engine sends its first byte at the start of the copy. Null with none eligible.
    /// </summary>
    public double? FirstByteOutHeldBack { get; init; }
}
