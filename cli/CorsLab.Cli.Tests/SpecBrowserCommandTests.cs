using System.Text.Json;
using CorsLab.Components;
using CorsLab.Spec.Browser;

namespace CorsLab.Cli.Tests;

/// <summary><c>corslab spec --browser</c> as a real process against a running engine: the browser cases join the report.</summary>
[Collection(LabRunsCollection.Name)]
public sealed class SpecBrowserCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task SpecBrowser_AgainstAnEngine_PassesAndWritesBrowserCasesIntoTheSameJson()
    {
        await using var origin = await LabComponents.StartOriginAsync(CancellationToken.None);
        await using var engine = await LabComponents.StartEngineAsync("pipelines", origin, [], CancellationToken.None);
        var json = Path.Combine(Path.GetTempPath(), $"corslab-spec-browser-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CorslabRun.RunAsync(
                [
                    "spec", "--target", engine.TargetTemplate, "--browser", "--json", json,
                    "--origin", origin.HttpUrl.ToString(), "--origin-https", origin.HttpsUrl.ToString(), "--origin-page", origin.PageUrl.ToString(),
                    "--denied-url", $"http://{LabComponents.SpecDeniedTarget}:{origin.HttpUrl.Port}/bytes/16",
                ],
                Bound);

            Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            Assert.Equal("corslab.spec/1", report.RootElement.GetProperty("schema").GetString());
            var browserCases = report.RootElement.GetProperty("cases").EnumerateArray()
                .Where(c => c.GetProperty("id").GetString()!.StartsWith(BrowserCase.IdPrefix, StringComparison.Ordinal))
                .ToList();
            Assert.Equal(BrowserCatalog.All.Count, browserCases.Count);
            Assert.All(browserCases, c => Assert.Equal("passed", c.GetProperty("outcome").GetString()));
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task SpecBrowser_WithoutChromium_Exits2_WithOneLineSayingHowToInstallIt()
    {
        await using var origin = await LabComponents.StartOriginAsync(CancellationToken.None);
        await using var engine = await LabComponents.StartEngineAsync("pipelines", origin, [], CancellationToken.None);

        var run = await CorslabRun.RunAsync(
            ["spec", "--target", engine.TargetTemplate, "--origin", origin.HttpUrl.ToString(), "--browser"],
            Bound,
            new Dictionary<string, string> { [ChromiumSession.ExecutableVariable] = "/nonexistent/chromium" });

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("apt-get install chromium", line, StringComparison.Ordinal);
    }
}
