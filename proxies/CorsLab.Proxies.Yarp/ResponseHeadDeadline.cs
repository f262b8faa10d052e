namespace CorsLab.Proxies.Yarp;

/// <summary>
/// The upstream's response head is due within <c>ProxyLimits.ResponseHeadTimeout</c> of the request's start, however
/// the request body trickles in. YARP's one activity timer is reset by every body byte, so a client sending one byte
/// every few seconds would hold the exchange (and an upstream connection) for ever; this token, passed to
/// <c>SendAsync</c>, is the fixed deadline the other engines have. Disarmed when the head arrives.
/// </summary>
internal sealed class ResponseHeadDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;

    public ResponseHeadDeadline(TimeSpan timeout)
    {
        _source = new CancellationTokenSource(timeout);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the deadline passed before the head arrived.</summary>
    public bool Passed => _source.IsCancellationRequested;

    public void HeadArrived() => _source.CancelAfter(Timeout.InfiniteTimeSpan);

    public void Dispose() => _source.Dispose();
}
