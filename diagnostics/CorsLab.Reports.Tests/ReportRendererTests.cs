using System.Xml.Linq;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>A synthetic run rendered end to end: files, well-formed plots, the verdict first, banners.</summary>
public sealed class ReportRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Render_WritesMarkdownHtmlAndAPlotOfEachKindPerScenario()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());

        var report = await ReportRenderer.RenderAsync(folder.Path);

        Assert.True(File.Exists(report.MarkdownPath));
        Assert.True(File.Exists(report.HtmlPath));
        var names = folder.Svgs().Select(Path.GetFileName).ToList();
        foreach (var scenario in new[] { "small-get", "drip" })
        {
            Assert.Contains($"latency-{scenario}.svg", names);
            Assert.Contains($"throughput-{scenario}.svg", names);
            Assert.Contains($"rate-{scenario}.svg", names);
            Assert.Contains($"p99-{scenario}.svg", names);
        }

        // Only drip has three-point data.
        Assert.Contains("first-byte-gap-drip.svg", names);
        Assert.DoesNotContain("first-byte-gap-small-get.svg", names);
    }

    [Fact]
    public async Task Overview_FollowsTheRecommendation_WithEveryEngineAgainstDirectPerScenario()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);
        var markdown = folder.Read("report.md");

        var overview = markdown.IndexOf("](overview.svg)", StringComparison.Ordinal);
        Assert.True(overview > markdown.IndexOf("Ship **pipelines**", StringComparison.Ordinal), "the overview follows the recommendation");
        Assert.True(overview < markdown.IndexOf("### small-get: ranking", StringComparison.Ordinal), "the overview precedes the rankings");
        Assert.Equal(1, CountOf(markdown, "](overview.svg)"));
        var texts = XDocument.Load(Path.Combine(folder.Path, "overview.svg")).Descendants(Svg + "text").Select(text => text.Value.Trim()).ToList();
        Assert.Contains("httpclient", texts);
        Assert.Contains("yarp", texts);
        Assert.Contains("pipelines", texts);
        Assert.Contains(texts, text => text.StartsWith("small-get (", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.StartsWith("drip (", StringComparison.Ordinal));

        // pipelines in small-get: direct's 20 100 req/s over its 15 100 (repeat medians).
        Assert.Contains("1.33×", texts);
    }

    [Fact]
    public async Task Svgs_AreWellFormedXmlWithLinesAndLabels()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);

        foreach (var file in folder.Svgs())
        {
            var document = XDocument.Load(file);
            Assert.Equal(Svg + "svg", document.Root!.Name);
            Assert.True(document.Descendants(Svg + "path").Count() > 3, $"{file}: no plot content");
            Assert.NotEmpty(document.Descendants(Svg + "text"));
        }

        var latency = XDocument.Load(Path.Combine(folder.Path, "latency-small-get.svg"));
        var texts = latency.Descendants(Svg + "text").Select(text => text.Value.Trim()).ToList();
        Assert.Contains("pipelines", texts);
        Assert.Contains("p99", texts);
        Assert.Contains("direct (reference)", texts);
    }

    [Fact]
    public async Task Markdown_OpensWithTheVerdict_ThenFindingsSpecEnvironmentScenarios()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);
        var markdown = folder.Read("report.md");

        Assert.StartsWith("# Verdict: synthetic", markdown, StringComparison.Ordinal);
        var order = new[] { "Ship **pipelines**", "### small-get: ranking", "## Findings", "## Spec", "## Environment", "## Scenarios" }
            .Select(text => markdown.IndexOf(text, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("![small-get: latency by percentile](latency-small-get.svg)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_RanksEnginesFastestFirst_WithRatiosToTheBest()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);
        var markdown = folder.Read("report.md");

        var ranking = Section(markdown, "### small-get: ranking", "###");
        var rows = ranking.Split('\n').Where(line => line.StartsWith("| 1 ", StringComparison.Ordinal) || line.StartsWith("| 2 ", StringComparison.Ordinal) || line.StartsWith("| 3 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("**pipelines**", rows[0], StringComparison.Ordinal);
        Assert.Contains("`yarp`", rows[1], StringComparison.Ordinal);
        Assert.Contains("`httpclient`", rows[2], StringComparison.Ordinal);
        Assert.Contains("15100 (15000–15200)", rows[0], StringComparison.Ordinal);
        Assert.Contains("0.80×", rows[1], StringComparison.Ordinal); // 12100 / 15100
        Assert.Contains("| ref | `direct` |", ranking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_FlagsTheBufferingEngine_AndDoesNotRecommendIt()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);
        var markdown = folder.Read("report.md");

        var ranking = Section(markdown, "### drip: ranking", "##");
        var httpclient = ranking.Split('\n').Single(line => line.Contains("`httpclient`", StringComparison.Ordinal) && line.StartsWith("| ", StringComparison.Ordinal));
        Assert.Contains("response-buffering (critical)", httpclient, StringComparison.Ordinal);
        Assert.DoesNotContain("response-buffering", ranking.Replace(httpclient, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("httpclient has the finding response-buffering", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PercentileWithTooFewSamplesBehindIt_ReadsNTooSmall()
    {
        var builder = new RunBuilder().Target(TargetKinds.Direct, TargetKinds.Direct).Target("yarp");
        builder.Measure(TargetKinds.Direct, "thin", 0, 100, 200, requests: 200).Measure("yarp", "thin", 0, 100, 300, requests: 200)
            .Measure(TargetKinds.Direct, "thick", 0, 100, 200, requests: 2_000).Measure("yarp", "thick", 0, 100, 300, requests: 2_000);
        using var folder = await RunFolder.WriteAsync(builder.Build());
        await ReportRenderer.RenderAsync(folder.Path);

        var markdown = folder.Read("report.md");
        var thin = Section(markdown, "### thin: ranking", "##");
        var thick = Section(markdown, "### thick: ranking", "##");
        Assert.Contains("n too small", thin, StringComparison.Ordinal);
        Assert.DoesNotContain("n too small", thick, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LateLoadClient_ShowsAWarningNamingThePhase()
    {
        var run = RunBuilder.Lab().Build();
        var late = HistogramRecords.CreateMicroseconds();
        for (var i = 0; i < 1_000; i++)
        {
            late.RecordValue(i < 950 ? 40 : 8_000);
        }

        run = run with { Measurements = run.Measurements.Select(m => m.Target == "yarp" && m.Scenario == "drip" ? m with { SendLateness = HistogramRecords.From(late) } : m).ToList() };
        using var folder = await RunFolder.WriteAsync(run);
        await ReportRenderer.RenderAsync(folder.Path);

        var markdown = folder.Read("report.md");
        Assert.Contains("**The load client was late.**", markdown, StringComparison.Ordinal);
        Assert.Contains("yarp · drip (send lateness p99 8", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncompleteRun_ShowsTheBannerUnderTheVerdictHeading()
    {
        var builder = RunBuilder.Lab();
        builder.Complete = false;
        builder.Measure("yarp", "small-get", 3, 4_000, 650, complete: false);
        using var folder = await RunFolder.WriteAsync(builder.Build());
        await ReportRenderer.RenderAsync(folder.Path);

        var markdown = folder.Read("report.md");
        var lines = markdown.Split('\n');
        Assert.Equal("> [!WARNING]", lines[2]);
        Assert.StartsWith("> **Incomplete run.**", lines[3], StringComparison.Ordinal);
        Assert.Contains("1 phase cut short", lines[3], StringComparison.Ordinal);
        Assert.Contains("<div class=\"callout warning\"><strong>Incomplete run.</strong>", folder.Read("report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteRun_HasNoIncompleteBanner()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);

        Assert.DoesNotContain("Incomplete run", folder.Read("report.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebugConfiguration_IsWarnedInTheVerdictAndTheEnvironment()
    {
        var builder = RunBuilder.Lab();
        builder.Configuration = "Debug";
        using var folder = await RunFolder.WriteAsync(builder.Build());
        await ReportRenderer.RenderAsync(folder.Path);
        var markdown = folder.Read("report.md");

        Assert.Contains("> **Debug build.**", markdown, StringComparison.Ordinal);
        Assert.Contains("| configuration | **⚠ Debug: not representative** |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_IsSelfContained_WithThePlotsInlined()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);
        var html = folder.Read("report.html");

        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.Equal(folder.Svgs().Count(), CountOf(html, "<svg "));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderingTwice_GivesTheSameFiles()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        await ReportRenderer.RenderAsync(folder.Path);
        var first = folder.Read("report.md") + folder.Read("report.html");

        await ReportRenderer.RenderAsync(folder.Path);

        Assert.Equal(first, folder.Read("report.md") + folder.Read("report.html"));
    }

    [Fact]
    public async Task RunWithoutMeasurements_RendersWithANote()
    {
        var run = new RunBuilder().Target("yarp").Spec("yarp", 113).Build();
        using var folder = await RunFolder.WriteAsync(run);

        var report = await ReportRenderer.RenderAsync(folder.Path);

        Assert.Empty(report.PlotPaths);
        var markdown = folder.Read("report.md");
        Assert.Contains("**No measurements.**", markdown, StringComparison.Ordinal);
        Assert.Contains("Nothing to recommend", markdown, StringComparison.Ordinal);
    }

    private static string Section(string markdown, string heading, string next)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}'");
        var end = markdown.IndexOf("\n" + next, start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
