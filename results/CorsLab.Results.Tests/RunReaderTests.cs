using CorsLab.Results.Testing;

namespace CorsLab.Results.Tests;

/// <summary>What the renderer refuses, with one clear message each, and the older run.json it still reads.</summary>
public sealed class RunReaderTests
{
    [Fact]
    public async Task MissingFolder_IsRefused()
    {
        var error = await Assert.ThrowsAsync<RunInputException>(() => RunReader.ReadAsync("/nonexistent/corslab-run"));

        Assert.Contains("no such run folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithoutRunJson_IsRefused()
    {
        using var folder = RunFolder.Empty();

        var error = await Assert.ThrowsAsync<RunInputException>(() => RunReader.ReadAsync(folder.Path));

        Assert.Contains("no run.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidJson_IsRefused()
    {
        using var folder = RunFolder.Empty();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "run.json"), "{ \"schema\": \"corslab.run/1\", ");

        var error = await Assert.ThrowsAsync<RunInputException>(() => RunReader.ReadAsync(folder.Path));

        Assert.Contains("not a valid corslab.run/1 document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSchemaVersion_IsRefused_NamingTheSupportedOne()
    {
        using var folder = RunFolder.Empty();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "run.json"), "{ \"schema\": \"corslab.run/2\", \"name\": \"x\" }");

        var error = await Assert.ThrowsAsync<RunInputException>(() => RunReader.ReadAsync(folder.Path));

        Assert.Contains("'corslab.run/2' is not supported", error.Message, StringComparison.Ordinal);
        Assert.Contains("this build reads corslab.run/1", error.Message, StringComparison.Ordinal);
    }
}
