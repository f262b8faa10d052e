using System.Runtime.InteropServices;

namespace CorsLab.Results;

/// <summary>The machine and build a run measured on, so runs from different places are not compared blindly.</summary>
public sealed record RunEnvironment(
    string Machine,
    string CpuModel,
    int Cores,
    string Os,
    string Runtime,
    string? GitRevision,
    string Configuration)
{
    public static RunEnvironment Capture(string? gitRevision, string configuration) => new(
        System.Environment.MachineName,
        ReadCpuModel(),
        System.Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        gitRevision,
        configuration);

    private static string ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        foreach (var line in File.ReadLines(cpuInfo))
        {
            if (line.StartsWith("model name", StringComparison.Ordinal))
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
