namespace CorsLab.Load.Engine;

/// <summary>
/// What the client saw of one request; instants are <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>
/// ticks, 0 when the event did not happen.
/// </summary>
internal struct RequestOutcome
{
    /// <summary>Just before the head was written.</summary>
    public long Sent;

    /// <summary>When the write of the last request-body byte completed (uploads only).</summary>
    public long BodySent;

    /// <summary>When the read that completed the response head returned.</summary>
    public long Head;

    /// <summary>When the read that delivered the first response-body byte returned (the head's, for no body).</summary>
    public long FirstByte;

    /// <summary>When the read that completed the response returned.</summary>
    public long LastByte;

    public int Status;
    public long BytesSent;
    public long BytesReceived;
    public ErrorKind Error;

    /// <summary>The client connection that carried it (a new number per TCP connection opened).</summary>
    public int Connection;
}
