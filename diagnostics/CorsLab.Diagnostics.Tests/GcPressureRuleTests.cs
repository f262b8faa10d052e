using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class GcPressureRuleTests
{
    private readonly GcPressureRule _rule = new();

    [Fact]
    public void AllocatingAboutTheBytesMoved_IsWarn_WithBytesPerRequest()
    {
        // 1,000 requests of 66,000 bytes; 70 KB each allocated: (70,000 − 16,384) / 66,000 ≈ 0.81 bytes per byte.
        var finding = _rule.Evaluate(Captures.Evidence(Captures.Quiet() with { AllocatedBytesSampled = 70_000_000, AllocationTicks = 700, Gen0Collections = 30 }));

        Assert.Equal(FindingSeverity.Warn, finding?.Severity);
        Assert.Equal("70000", finding!.Evidence["allocatedBytesPerRequest"]);
    }

    [Fact]
    public void AllocatingMoreThanTheBytesMoved_IsCritical()
    {
        Assert.Equal(FindingSeverity.Critical, _rule.Evaluate(Captures.Evidence(Captures.Quiet() with { AllocatedBytesSampled = 90_000_000, AllocationTicks = 900 }))?.Severity);
    }

    [Fact]
    public void AFrameworksFewKilobytesPerRequest_IsNoFinding()
    {
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { AllocatedBytesSampled = 6_000_000, AllocationTicks = 60, Gen0Collections = 2 })));
    }

    [Fact]
    public void JustBelowHalfAByte_IsNoFinding()
    {
        // (49,000 − 16,384) / 66,000 ≈ 0.49.
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { AllocatedBytesSampled = 49_000_000, AllocationTicks = 490 })));
    }

    [Fact]
    public void SmallBodies_AreNotJudgedPerByte()
    {
        // 20 KB allocated for a 1.4 KB request (a new connection's buffers each time): per-request cost, not copying.
        var small = Captures.Quiet() with { BytesTransferred = 1_400_000, AllocatedBytesSampled = 20_400_000, AllocationTicks = 200 };

        Assert.Null(_rule.Evaluate(Captures.Evidence(small, Results.ScenarioNames.SmallGet)));
    }

    [Fact]
    public void ATenthOfTheTimePaused_IsWarn_WhateverAllocates()
    {
        Assert.Equal(FindingSeverity.Warn, _rule.Evaluate(Captures.Evidence(Captures.Quiet() with { GcPauseMilliseconds = 200 }))?.Severity);
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { GcPauseMilliseconds = 199 })));
    }
}
