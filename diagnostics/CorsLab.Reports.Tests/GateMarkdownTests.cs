using System.Globalization;
using CorsLab.Diagnostics.Gate;
using CorsLab.Diagnostics.Output;
using CorsLab.Reports.Gate;

namespace CorsLab.Reports.Tests;

/// <summary>gate.md: the verdict on the first line, the table, the changed findings; the same under any culture.</summary>
public sealed class GateMarkdownTests
{
    private static readonly GateDocument Regressed = new(
        GateDocument.SchemaV1,
        "regression",
        "against",
        "pipelines (cpu-tax=30)",
        "http://127.0.0.1:9000",
        0.10,
        8,
        [
            new GateRow("p50 over direct", "speed", "µs", 210.4, 281.9, 1.34, 1.21, 1.47, MetricVerdict.Regression, ""),
            new GateRow("reuse upstream connections per request", "count", "", 0.002, 0.002, 1, null, null, MetricVerdict.Pass, "slack +0.05"),
        ],
        ["response-buffering"],
        [],
        [],
        [],
        "results/runs/x-gate",
        95.2,
        []);

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public void Regression_VerdictOnTop_TableAndNewFinding(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var markdown = GateMarkdown.Render(Regressed);

            var lines = markdown.Split('\n');
            Assert.Equal("**corslab gate** REGRESSION: p50 over direct; new finding response-buffering", lines[0]);
            Assert.Contains("| p50 over direct | 210 µs | 282 µs | 1.340 | 1.210–1.470 | REGRESSION |", markdown, StringComparison.Ordinal);
            Assert.Contains("| reuse upstream connections per request | 0.002 | 0.002 | 1.000 | slack +0.05 | pass |", markdown, StringComparison.Ordinal);
            Assert.Contains("New findings (fail the gate): `response-buffering`", markdown, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void CouldNotMeasure_SaysWhy() =>
        Assert.StartsWith(
            "**corslab gate** COULD NOT MEASURE: 3 usable trials",
            GateMarkdown.Render(Regressed with { Verdict = "could-not-measure", Rows = [], NewFindings = [], Reasons = ["3 usable trials, fewer than 5"] }),
            StringComparison.Ordinal);

    [Fact]
    public void Json_RoundTrips() =>
        Assert.Equal(Regressed.ToJson(), GateDocument.Parse(Regressed.ToJson()).ToJson());
}
