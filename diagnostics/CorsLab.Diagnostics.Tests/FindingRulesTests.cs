using System.Text.Json;
using CorsLab.Diagnostics.Findings;
using CorsLab.Diagnostics.Output;
using CorsLab.Diagnostics.SelfCheck;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class FindingRulesTests
{
    [Fact]
    public void EveryRule_HasAUniqueId()
    {
        var ids = FindingRules.BlackBox.Select(r => r.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(
            [
                "response-buffering", "request-buffering", "nagle-delay", "upstream-nagle-delay", "connection-churn", "client-connection-churn",
                "expect-continue-delay", "connection-pool-limit", "stale-upstream-connection", "missing-upstream-timeout", "proxy-overhead", "throughput-stall", "request-errors",
            ],
            ids);
    }

    [Fact]
    public void EvaluateRun_EachTargetAgainstDirect_DirectNotJudged()
    {
        var run = new RunDocument
        {
            Name = "t",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Environment = RunEnvironment.Capture(null, "Release"),
            Targets =
            [
                new TargetInfo("direct", TargetKinds.Direct, "{url}", []),
                new TargetInfo("yarp", TargetKinds.Engine, "http://127.0.0.1:1/?url={url}", ["buffer-response"]),
                new TargetInfo("pipelines", TargetKinds.Engine, "http://127.0.0.1:2/?url={url}", []),
            ],
            Measurements =
            [
                Measurements.Of("direct", "drip", Measurements.Around(81_000, 100), Measurements.Three(bufferingEligible: 100)),
                Measurements.Of("yarp", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 1, bufferingEligible: 100)),
                Measurements.Of("pipelines", "drip", Measurements.Around(82_000, 100), Measurements.Three(bufferingEligible: 100)),
            ],
        };

        var records = FindingRules.Evaluate(run);

        var record = Assert.Single(records);
        Assert.Equal("yarp", record.Target);
        Assert.Equal("response-buffering", record.Id);
        Assert.Equal("critical", record.Severity);
    }

    [Fact]
    public void EvaluateRun_WrkMeasurements_AreNotEvidence()
    {
        // wrk records percentiles only (no encoded histogram, no join); measured alongside ours, it must not be read.
        var ours = Measurements.Of("yarp", "small-get", Measurements.Around(41_000, 100));
        var wrk = ours with { Driver = "wrk", Repeat = 1, Latency = ours.Latency with { Encoded = "" }, ThreePoint = null };
        var direct = Measurements.Of("direct", "small-get", Measurements.Around(300, 100));
        var run = new RunDocument
        {
            Name = "t",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Environment = RunEnvironment.Capture(null, "Release"),
            Measurements = [direct, ours, wrk, direct with { Driver = "wrk", Repeat = 1, Latency = direct.Latency with { Encoded = "" } }],
        };

        var findings = FindingRules.Evaluate(run);

        Assert.Contains(findings, f => f.Target == "yarp" && f.Id == "nagle-delay");
    }

    [Fact]
    public void EvaluateRun_LastCompleteRepeatCounts()
    {
        var first = Measurements.Of("yarp", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 1, bufferingEligible: 100));
        var second = Measurements.Of("yarp", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 0, bufferingEligible: 100)) with { Repeat = 1 };
        var partial = first with { Repeat = 2, Complete = false };
        var evidence = new TargetEvidence("yarp", [first, second, partial], []);
        Assert.Equal(1, evidence.Measured("drip")?.Repeat);
    }

    [Fact]
    public void FindingsDocument_HasTheSchemaShape()
    {
        var finding = new Finding("nagle-delay", FindingSeverity.Warn, "s", new Dictionary<string, string> { ["k"] = "v" }, "r");
        var json = FindingsDocument.From("http://127.0.0.1:1/?url={url}", ["reuse"], [finding]).ToJson();

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("corslab.findings/1", root.GetProperty("schema").GetString());
        Assert.Equal("http://127.0.0.1:1/?url={url}", root.GetProperty("target").GetString());
        Assert.Equal("reuse", root.GetProperty("scenarios")[0].GetString());
        var entry = root.GetProperty("findings")[0];
        Assert.Equal(["id", "severity", "summary", "evidence", "remedy"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal("warn", entry.GetProperty("severity").GetString());
        Assert.Equal("v", entry.GetProperty("evidence").GetProperty("k").GetString());
        Assert.True(FindingsDocument.Parse(json).Findings[0].IsWarnOrAbove);
    }

    [Fact]
    public void ConfusionMatrix_CountsDiagonalAndMisses()
    {
        var matrix = new ConfusionMatrix(["response-buffering", "nagle-delay"]);
        matrix.Record("response-buffering", ["response-buffering"]);
        matrix.Record("nagle-delay", ["nagle-delay", "response-buffering"]);
        matrix.Record(ConfusionMatrix.None, []);
        matrix.Record(ConfusionMatrix.None, ["nagle-delay"]);

        Assert.Equal(4, matrix.Runs);
        Assert.Equal(2, matrix.Exact);
        Assert.Equal(1, matrix.Missed);
        Assert.Equal(1, matrix["nagle-delay", "response-buffering"]);
        Assert.Equal(1, matrix[ConfusionMatrix.None, ConfusionMatrix.None]);
        Assert.Equal(["response-buffering", "nagle-delay", "none"], matrix.Labels);
    }

    [Fact]
    public void NotChecked_NamesTheRulesWhoseScenariosWereNotMeasured()
    {
        var evidence = Measurements.Evidence(Measurements.Of("t", "small-get", Measurements.Around(500, 100)), null);

        var notChecked = FindingRules.NotChecked(evidence).Select(entry => entry.Rule).ToArray();

        Assert.Contains(ExpectContinueDelayRule.FindingId, notChecked);
        Assert.Contains(ConnectionPoolLimitRule.FindingId, notChecked);
        Assert.DoesNotContain(NagleDelayRule.FindingId, notChecked);
        Assert.DoesNotContain(ProxyOverheadRule.FindingId, notChecked);
    }
}
