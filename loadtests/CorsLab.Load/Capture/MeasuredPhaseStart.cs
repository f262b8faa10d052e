using CorsLab.Load.Engine;

namespace CorsLab.Load.Capture;

/// <summary>Passes phases on to the caller's observer and remembers when the measured one started, for the capture window.</summary>
internal sealed class MeasuredPhaseStart(ILoadObserver? inner) : ILoadObserver
{
    /// <summary>The measured phase's start on the Stopwatch clock; null until it started.</summary>
    public long? Started { get; private set; }

    public void PhaseStarted(PhaseRecorder phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (phase.Phase == LoadPhase.Measured)
        {
            Started = phase.Started;
        }

        inner?.PhaseStarted(phase);
    }
}
