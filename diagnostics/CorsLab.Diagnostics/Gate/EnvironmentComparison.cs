using CorsLab.Results;

namespace CorsLab.Diagnostics.Gate;

/// <summary>
/// What differs between a baseline's environment and this run's, where it changes the figures: CPU model, core
/// count, runtime. The machine's name and the git revision are left out: CI machines are named at random, and a
/// new revision is what the gate exists to judge.
/// </summary>
public static class EnvironmentComparison
{
    public static IReadOnlyList<string> Differences(RunEnvironment baseline, RunEnvironment now)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(now);
        var differences = new List<string>();
        Compare("CPU", baseline.CpuModel, now.CpuModel);
        Compare("cores", baseline.Cores.ToString(System.Globalization.CultureInfo.InvariantCulture), now.Cores.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("runtime", baseline.Runtime, now.Runtime);
        Compare("configuration", baseline.Configuration, now.Configuration);
        return differences;

        void Compare(string what, string was, string isNow)
        {
            if (!string.Equals(was, isNow, StringComparison.Ordinal))
            {
                differences.Add($"{what}: baseline '{was}', now '{isNow}'");
            }
        }
    }
}
