namespace CorsLab.Load.Engine;

/// <summary>Told when a phase starts, with its live recorder (read its counters for progress; never write).</summary>
public interface ILoadObserver
{
    void PhaseStarted(PhaseRecorder phase);
}
