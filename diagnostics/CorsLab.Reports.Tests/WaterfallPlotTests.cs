using System.Xml.Linq;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>The waterfall SVG: one per scenario with joined requests, each target's rows above direct's, linked and embedded like every plot.</summary>
public sealed class WaterfallPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Render_WritesAWaterfallForScenariosWithJoinedRequestsOnly()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());

        await ReportRenderer.RenderAsync(folder.Path);

        var names = folder.Svgs().Select(Path.GetFileName).ToList();
        Assert.Contains("waterfall-drip.svg", names);
        Assert.DoesNotContain("waterfall-small-get.svg", names);
        Assert.Contains("![drip: the median and p99 request of each target's median repeat", folder.Read("report.md"), StringComparison.Ordinal);
        Assert.Contains("](waterfall-drip.svg)", folder.Read("report.md"), StringComparison.Ordinal);
        Assert.Contains("waterfall-drip-clip", folder.Read("report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waterfall_LabelsTheMedianAndP99RequestOfEachTarget_DirectAtTheBottom()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);

        var svg = XDocument.Load(Path.Combine(folder.Path, "waterfall-drip.svg"));

        var texts = svg.Descendants(Svg + "text").Select(text => text.Value.Trim()).ToList();
        var rows = new[] { "pipelines", "yarp", "httpclient" }.SelectMany(target => new[] { $"{target} p50", $"{target} p99" })
            .Concat(["direct p50 (ref)", "direct p99 (ref)"])
            .ToList();
        Assert.All(rows, row => Assert.Contains(row, texts));
        Assert.Contains("way in", texts);
        Assert.Contains("way out", texts);

        // Row labels are drawn top to bottom: direct's last.
        var order = rows.Select(row => texts.IndexOf(row)).ToList();
        Assert.True(order.Take(6).All(index => index < order[6]), "every target above direct");
    }

    [Fact]
    public async Task Waterfall_DrawsEachSegmentOnceForEveryRow()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);

        var svg = folder.Read("waterfall-drip.svg");

        // Eight rows (four targets × p50, p99), each with every segment (the synthetic requests have all of them),
        // plus each colour's legend swatch.
        foreach (var color in new[] { "#4C72B0", "#C7C7C7", "#7F7F7F", "#DD8452" })
        {
            Assert.Equal(8 + 1, CountOf(svg, $"fill=\"{color}\""));
        }
    }

    [Fact]
    public async Task Waterfall_SampleTooSmallForAP99_LeavesItsP99RequestOutAndSaysSo()
    {
        var run = RunBuilder.Lab().Build();
        run = run with
        {
            Measurements = run.Measurements.Select(measurement => measurement.ThreePoint?.Waterfalls is { } waterfalls
                ? measurement with { ThreePoint = measurement.ThreePoint with { Waterfalls = waterfalls with { Requests = 250 } } }
                : measurement).ToList(),
        };
        using var folder = await RunFolder.WriteAsync(run);
        await ReportRenderer.RenderAsync(folder.Path);

        var texts = XDocument.Load(Path.Combine(folder.Path, "waterfall-drip.svg")).Descendants(Svg + "text").Select(text => text.Value.Trim()).ToList();

        Assert.Contains("yarp p50", texts);
        Assert.DoesNotContain("yarp p99", texts);
        Assert.Contains("no p99 request for pipelines, yarp, httpclient, direct (n too small", folder.Read("report.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OlderRun_WithoutWaterfalls_RendersWithoutTheWaterfall()
    {
        var run = RunBuilder.Lab().Build();
        run = run with
        {
            Measurements = run.Measurements.Select(measurement => measurement.ThreePoint is { } threePoint
                ? measurement with { ThreePoint = threePoint with { Waterfalls = null } }
                : measurement).ToList(),
        };
        using var folder = await RunFolder.WriteAsync(run);

        await ReportRenderer.RenderAsync(folder.Path);

        Assert.DoesNotContain(folder.Svgs(), file => Path.GetFileName(file).StartsWith("waterfall-", StringComparison.Ordinal));
        Assert.Contains("first-byte-gap-drip.svg", folder.Svgs().Select(Path.GetFileName));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
