
namespace CorsLab.Results.Testing;

/// <summary>A temporary run folder: run.json written by the real <see cref="RunWriter"/>, deleted after the test.</summary>
public sealed class RunFolder : IDisposable
{
    private RunFolder(string path) => Path = path;

    public string Path { get; }

    public static async Task<RunFolder> WriteAsync(RunDocument run)
    {
        var folder = new RunFolder(Directory.CreateTempSubdirectory("corslab-report-").FullName);
        await RunWriter.WriteAsync(folder.Path, run);
        return folder;
    }

    public static RunFolder Empty() => new(Directory.CreateTempSubdirectory("corslab-report-").FullName);

    public string Read(string fileName) => File.ReadAllText(System.IO.Path.Combine(Path, fileName));

    public IEnumerable<string> Svgs() => Directory.EnumerateFiles(Path, "*.svg").Order(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
