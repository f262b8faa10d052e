using System.Diagnostics;
using System.Reflection;

namespace CorsLab.Components;

/// <summary>
/// How to start the built <c>corslab</c> as a child: this very process again when it is corslab, otherwise (a test
/// host) the build of the same configuration in the repository, or the one <see cref="PathVariable"/> names.
/// </summary>
public static class CorslabExecutable
{
    public const string PathVariable = "CORSLAB_DLL";

    private const string AssemblyName = "corslab";

    private static readonly Lazy<string> Assembly = new(Locate);

    public static ProcessStartInfo CreateStartInfo(IEnumerable<string> arguments)
    {
        var assembly = Assembly.Value;
        var appHost = Path.Combine(Path.GetDirectoryName(assembly)!, OperatingSystem.IsWindows() ? "corslab.exe" : "corslab");
        ProcessStartInfo start;
        if (File.Exists(appHost))
        {
            start = new ProcessStartInfo(appHost);
        }
        else
        {
            start = new ProcessStartInfo(DotnetHost());
            start.ArgumentList.Add(assembly);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.UseShellExecute = false;
        return start;
    }

    private static string Locate()
    {
        if (System.Reflection.Assembly.GetEntryAssembly() is { } entry && entry.GetName().Name == AssemblyName)
        {
            return entry.Location;
        }

        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"{PathVariable} names {configured}, which does not exist");
        }

        var configuration = typeof(CorslabExecutable).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        if (RepositoryRoot.Find() is { } root)
        {
            var built = Path.Combine(root, "cli", "CorsLab.Cli", "bin", configuration, "net10.0", AssemblyName + ".dll");
            return File.Exists(built) ? built : throw new FileNotFoundException($"corslab is not built at {built}; build the solution ({configuration}) first");
        }

        throw new FileNotFoundException($"no corslab to start: not run from corslab, {PathVariable} unset, and no {RepositoryRoot.SolutionFile} above {AppContext.BaseDirectory}");
    }

    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
