using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Tracing.Tests;

/// <summary>Traces go to the engine measurement whose measured phase they started in; direct and other times get none.</summary>
public sealed class MeasurementStagesTests
{
    [Fact]
    public void Attach_TracesInsideTheMeasuredPhase_GiveThatMeasurementItsStages()
    {
        // RunBuilder's repeat 0 starts 13:00:00 and measures 5 s.
        var run = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct).Target("yarp")
            .Measure(TargetKinds.Direct, ScenarioNames.SmallGet, 0, 9_000, 100)
            .Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150)
            .Build();
        var phaseStart = new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero);
        List<RequestTrace> traces = [Trace("in-1", phaseStart.AddSeconds(1)), Trace("in-2", phaseStart.AddSeconds(4)), Trace("later", phaseStart.AddSeconds(30))];

        var attached = MeasurementStages.Attach(run, traces);

        Assert.Null(attached.Measurements.Single(m => m.Target == TargetKinds.Direct).Stages);
        var stages = attached.Measurements.Single(m => m.Target == "yarp").Stages;
        Assert.NotNull(stages);
        Assert.Equal(2, stages.TracedRequests);
        Assert.Equal(2.0, stages.InProxyMs!.Value, 6);
    }

    [Fact]
    public void Attach_NoTraces_LeavesTheRunAsItWas()
    {
        var run = new RunBuilder().Target("yarp").Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150).Build();

        Assert.Same(run, MeasurementStages.Attach(run, []));
    }

    /// <summary>A server span at <paramref name="at"/>, the upstream span 2 ms later.</summary>
    private static RequestTrace Trace(string id, DateTimeOffset at)
    {
        var startNs = (ulong)(at - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new RequestTrace(id,
        [
            new SpanRecord { TraceId = id, SpanId = "s", Name = StageBreakdownCalculator.ServerSpan, Kind = "server", StartUnixNs = startNs, EndUnixNs = startNs + 10_000_000 },
            new SpanRecord { TraceId = id, SpanId = "u", ParentSpanId = "s", Name = StageBreakdownCalculator.UpstreamSpan, Kind = "client", StartUnixNs = startNs + 2_000_000, EndUnixNs = startNs + 9_000_000 },
        ]);
    }
}
