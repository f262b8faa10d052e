using System.Reflection;

namespace CorsLab.Cli.Processes;

internal static class BuildInfo
{
    /// <summary>Debug or Release: a Debug measurement is not comparable with a Release one.</summary>
    public static string Configuration =>
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";
}
