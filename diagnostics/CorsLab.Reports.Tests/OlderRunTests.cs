using CorsLab.Components;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>Run folders written by earlier builds still render: corslab.run/1 is read as it was written then.</summary>
public sealed class OlderRunTests
{
    /// <summary>The first corslab.run/1 files (before measurements existed) carried other target fields and no measurements.</summary>
    [Fact]
    public async Task EarlyRunJson_WithExtraFieldsAndNoMeasurements_Renders()
    {
        using var folder = RunFolder.Empty();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "run.json"), """
            {
              "schema": "corslab.run/1",
              "name": "investigate",
              "startedUtc": "2026-11-26T13:04:11.9184902+00:00",
              "complete": true,
              "environment": { "machine": "vm", "cpuModel": "Xeon", "cores": 2, "os": "Debian 12", "runtime": ".NET 10.0.12", "gitRevision": null, "configuration": "Release" },
              "targets": [ { "name": "yarp", "kind": "engine", "smallGet": { "requests": 200 } } ]
            }
            """);

        var report = await ReportRenderer.RenderAsync(folder.Path);

        Assert.Empty(report.Analysis.Scenarios);
        Assert.Contains("| `yarp` | engine | — | none |", folder.Read("report.md"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A whole run folder written by the build before the architecture change (git ebcacff, `corslab bench
    /// --engines pipelines --scenarios small-get,drip --quick`): <c>corslab report</c> re-renders it.
    /// </summary>
    [Fact]
    public async Task RunJsonFromEbcacff_RendersWithCorslabReport()
    {
        using var folder = RunFolder.Empty();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "run-v1-ebcacff.json"), Path.Combine(folder.Path, RunWriter.FileName));

        var (exitCode, stdout, stderr) = await CorslabRun.RunAsync(["report", folder.Path], TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("verdict: pipelines", stdout, StringComparison.Ordinal);
        var markdown = folder.Read("report.md");
        Assert.Contains("### small-get: ranking", markdown, StringComparison.Ordinal);
        Assert.Contains("### drip: ranking", markdown, StringComparison.Ordinal);
        Assert.Contains("ebcacff3976ed6d7e391a7ae86d88930ad6ee939", markdown, StringComparison.Ordinal);
        Assert.NotEmpty(folder.Svgs());
    }
}
