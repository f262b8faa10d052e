using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class RequestBufferingRuleTests
{
    private readonly RequestBufferingRule _rule = new();

    [Fact]
    public void EveryUploadHeld_DirectStreams_Critical()
    {
        var target = Measurements.Of("httpclient", "upload", Measurements.Around(200_000, 20), Measurements.Three(joined: 20, requestFirstByteAfterClientLast: 1, requestBufferingEligible: 20, requestFirstByteGapP50: 37_500));
        var direct = Measurements.Of("direct", "upload", Measurements.Around(50_000, 20), Measurements.Three(joined: 20, requestFirstByteAfterClientLast: 0, requestBufferingEligible: 20, requestFirstByteGapP50: -12_000));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        // The evidence is the measurement's own gap (the upstream's first request byte after the client's last), not a constant.
        Assert.NotNull(finding);
        Assert.Equal("request-buffering", finding.Id);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Contains("20 of 20", finding.Summary, StringComparison.Ordinal);
        Assert.Equal("37.5 ms", finding.Evidence["requestFirstByteGap.p50"]);
        Assert.Equal("75.0 ms", finding.Evidence["requestFirstByteGap.p99"]);
        Assert.Equal("-12.0 ms", finding.Evidence["direct.requestFirstByteGap.p50"]);
    }

    [Fact]
    public void StreamingUploads_NoFinding()
    {
        var target = Measurements.Of("t", "upload", Measurements.Around(60_000, 20), Measurements.Three(joined: 20, requestFirstByteAfterClientLast: 0.1, requestBufferingEligible: 20));
        var direct = Measurements.Of("direct", "upload", Measurements.Around(50_000, 20), Measurements.Three(joined: 20, requestFirstByteAfterClientLast: 0, requestBufferingEligible: 20));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void DirectCannotTellStreamingApart_Silent()
    {
        // The body fit in the socket buffers even without a proxy: the scenario cannot discriminate here.
        var target = Measurements.Of("t", "upload", Measurements.Around(60_000, 20), Measurements.Three(joined: 20, requestFirstByteAfterClientLast: 1, requestBufferingEligible: 20));
        var direct = Measurements.Of("direct", "upload", Measurements.Around(50_000, 20), Measurements.Three(joined: 20, requestFirstByteAfterClientLast: RequestBufferingRule.MaxDirectFraction + 0.1, requestBufferingEligible: 20));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }
}
