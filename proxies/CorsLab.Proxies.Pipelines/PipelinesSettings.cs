namespace CorsLab.Proxies.Pipelines;

/// <summary>
/// The engine's own server and pool settings, beyond Core's <see cref="Core.ProxyLimits"/>. Immutable;
/// invalid values throw at the setter; each default says where its number comes from.
/// </summary>
internal sealed record PipelinesSettings
{
    /// <summary>
    /// Kestrel's RequestHeadersTimeout (30 s): a head still incomplete after this is a slowloris (408 and close); a
    /// fresh connection that sends nothing for this long is closed.
    /// </summary>
    public TimeSpan RequestHeadersTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(30);

    /// <summary>Kestrel's KeepAliveTimeout (130 s): a connection idle between requests is closed after this.</summary>
    public TimeSpan KeepAliveTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(130);

    /// <summary>SocketsHttpHandler's PooledConnectionIdleTimeout (1 min): idle upstream connections are closed after this.</summary>
    public TimeSpan UpstreamIdleTimeout { get; init => field = Positive(value); } = TimeSpan.FromMinutes(1);

    /// <summary>How long a resolved name is reused; Chromium's host cache keeps entries 1 min. The OS does no caching for us on Linux.</summary>
    public TimeSpan DnsTtl { get; init => field = Positive(value); } = TimeSpan.FromMinutes(1);

    /// <summary>SocketsHttpHandler's MaxResponseHeadersLength as Core sets it (64 KB): a larger upstream head is a 502.</summary>
    public int MaxResponseHeadBytes { get; init => field = Positive(value); } = 64 * 1024;

    /// <summary>nginx's lingering_timeout (5 s): after our last byte, unread client bytes are drained this long so a close does not reset the response.</summary>
    public TimeSpan LingerTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Room each receive asks for, on both sides (and the pipe's segment size; a pipe pauses its reads at four of
    /// them ahead). 64 KB is YARP's copy buffer and what loopback TCP hands over in one receive: a 1 MB response
    /// took 66.8 recvfrom with the former 16 KB reads, 20.1 now (docs/DESIGN.md, "pipelines at the limit"). The
    /// cost: a connection idle between requests holds one such buffer under its pending receive.
    /// </summary>
    public int ReadBufferSize { get; init => field = Positive(value); } = 64 * 1024;

    /// <summary>
    /// Size of the buffers a head (or a re-encoded chunked body) is written into before one gathered send: 16 KB
    /// holds any usual head in one buffer and a 64 KB read re-chunked in four. Content-Length bodies are not
    /// copied into these at all: their buffers are sent from the other side's pipe.
    /// </summary>
    public int WriteBufferSize { get; init => field = Positive(value); } = 16 * 1024;

    private static int Positive(int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be greater than zero");

    private static TimeSpan Positive(TimeSpan value) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be greater than zero");
}
