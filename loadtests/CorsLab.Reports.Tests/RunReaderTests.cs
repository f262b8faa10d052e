using CorsLab.Reports.Reading;

namespace CorsLab.Reports.Tests;

/// <summary>What the renderer refuses, with one clear message each, and the older run.json it still reads.</summary>
public sealed class RunReaderTests
{
    [Fact]
    public async Task MissingFolder_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ReportInputException>(() => RunReader.ReadAsync("/nonexistent/corslab-run"));

        Assert.Contains("no such run folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithoutRunJson_IsRefused()
    {
        using var folder = RunFolder.Empty();

        var error = await Assert.ThrowsAsync<ReportInputException>(() => RunReader.ReadAsync(folder.Path));

        Assert.Contains("no run.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidJson_IsRefused()
    {
        using var folder = RunFolder.Empty();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "run.json"), "{ \"schema\": \"corslab.run/1\", ");

        var error = await Assert.ThrowsAsync<ReportInputException>(() => RunReader.ReadAsync(folder.Path));

        Assert.Contains("not a valid corslab.run/1 document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSchemaVersion_IsRefused_NamingTheSupportedOne()
    {
        using var folder = RunFolder.Empty();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "run.json"), "{ \"schema\": \"corslab.run/2\", \"name\": \"x\" }");

        var error = await Assert.ThrowsAsync<ReportInputException>(() => RunReader.ReadAsync(folder.Path));

        Assert.Contains("'corslab.run/2' is not supported", error.Message, StringComparison.Ordinal);
        Assert.Contains("this renderer reads corslab.run/1", error.Message, StringComparison.Ordinal);
    }

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
}
