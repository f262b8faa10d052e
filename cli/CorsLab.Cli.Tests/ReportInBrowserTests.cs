using System.Text.Json;
using CorsLab.Components;
using CorsLab.Spec.Browser;

namespace CorsLab.Cli.Tests;

/// <summary>
/// The report of a real <c>corslab bench</c> run, opened in Chromium as a reader opens it: it renders with no console
/// error, every plot is drawn with a size, and the first screen holds the verdict and the overview plot. The screenshot
/// of that first screen is saved beside the report as <c>report.png</c>, in the repository's <c>results/runs/</c>.
/// </summary>
[Collection(LabRunsCollection.Name)]
public sealed class ReportInBrowserTests
{
    private static readonly TimeSpan BenchBound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task BenchReport_RendersInChromium_WithTheVerdictAndOverviewOnTheFirstScreen()
    {
        var runs = Path.Combine(RepositoryRoot.Require(), "results", "runs");
        var name = $"browser-report-{Guid.NewGuid():N}"[..23];
        var bench = await CorslabRun.RunAsync(["bench", "--engines", "httpclient,yarp,pipelines", "--scenarios", "small-get,drip", "--quick", "--out", runs, "--name", name], BenchBound);
        Assert.True(bench.ExitCode == 0, bench.Stderr);
        var folder = Assert.Single(Directory.GetDirectories(runs, $"*-{name}"));

        await using var browser = await ChromiumSession.StartAsync();
        var page = await browser.NewPageAsync();

        // A laptop's browser window. A quick run on a busy machine opens with up to three caveats (one repeat, the load
        // client late, its ceiling); the verdict and the whole overview still fit, with a line or two to spare.
        await page.SetViewportSizeAsync(1280, 900);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);
        var screenshot = Path.Combine(folder, "report.png");
        await page.ScreenshotAsync(new() { Path = screenshot });

        Assert.True(response is { Ok: true }, $"report.html did not load: {response?.Status}");
        Assert.Empty(errors);
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"{screenshot} is nearly empty");
        var seen = await page.EvaluateAsync<JsonElement>(RenderedScript);
        Assert.StartsWith("Verdict:", seen.GetProperty("heading").GetString(), StringComparison.Ordinal);
        Assert.True(seen.GetProperty("rankingTables").GetInt32() >= 2, "a ranking table per scenario");
        Assert.True(seen.GetProperty("figures").GetInt32() >= 5, $"{seen.GetProperty("figures")} figures");
        Assert.Equal(seen.GetProperty("figures").GetInt32(), seen.GetProperty("drawn").GetInt32());
        Assert.Equal("overview", seen.GetProperty("firstFigure").GetString());
        Assert.True(seen.GetProperty("firstFigureBottom").GetDouble() <= seen.GetProperty("screen").GetDouble(), $"the overview ends at {seen.GetProperty("firstFigureBottom")} px, below the first screen ({seen.GetProperty("screen")} px)");
    }

    /// <summary>What the rendered page shows, measured in the page: sizes are the layout's, not the file's.</summary>
    private const string RenderedScript = """
        () => {
          const graphics = [...document.querySelectorAll('img, svg')].filter(element => !element.parentElement.closest('svg'));
          const sized = element => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0; };
          const loaded = element => element.tagName.toLowerCase() !== 'img' || (element.complete && element.naturalWidth > 0);
          const first = document.querySelector('figure svg');
          return {
            heading: document.querySelector('h1')?.textContent ?? '',
            rankingTables: [...document.querySelectorAll('h3')].filter(h => h.textContent.endsWith(': ranking')).length,
            figures: graphics.length,
            drawn: graphics.filter(element => sized(element) && loaded(element)).length,
            firstFigure: first?.closest('figure')?.querySelector('figcaption')?.textContent.startsWith('Each scenario') ? 'overview' : 'other',
            firstFigureBottom: first ? first.getBoundingClientRect().bottom + window.scrollY : 1e9,
            screen: window.innerHeight,
          };
        }
        """;
}
