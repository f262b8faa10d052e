namespace CorsLab.Load.Pacing;

/// <summary>Request <paramref name="Ticket"/> of an open-model phase, released at its intended send time <paramref name="Due"/> (Stopwatch ticks).</summary>
public readonly record struct PacedTicket(long Ticket, long Due);
