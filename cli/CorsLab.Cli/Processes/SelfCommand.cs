using System.Diagnostics;

namespace CorsLab.Cli.Processes;

/// <summary>How to start this very <c>corslab</c> build again as a child: its apphost, or <c>dotnet corslab.dll</c>.</summary>
internal static class SelfCommand
{
    public static ProcessStartInfo CreateStartInfo(IEnumerable<string> arguments)
    {
        var assembly = typeof(SelfCommand).Assembly.Location;
        var directory = Path.GetDirectoryName(assembly)!;
        var appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? "corslab.exe" : "corslab");
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

    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
