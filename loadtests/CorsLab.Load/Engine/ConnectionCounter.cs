namespace CorsLab.Load.Engine;

/// <summary>
/// The connections one run opened, numbered from 1: the serial is the connection's id in the join, and the count is
/// the run's own, not a process-wide one, so runs side by side (tests, interleaved targets) never see each other's.
/// </summary>
public sealed class ConnectionCounter
{
    private int _opened;

    public int Opened => Volatile.Read(ref _opened);

    internal int Next() => Interlocked.Increment(ref _opened);
}
