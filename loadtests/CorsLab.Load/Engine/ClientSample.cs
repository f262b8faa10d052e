namespace CorsLab.Load.Engine;

/// <summary>The client's side of one request, kept for the three-point join (Stopwatch ticks).</summary>
public readonly record struct ClientSample(
    long Ticket,
    int Connection,
    long Sent,
    long BodySent,
    long FirstByte,
    long LastByte,
    int Status,
    bool Failed);
