using System.Globalization;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;

namespace CorsLab.Cli.Commands;

/// <summary>The console summary of a run (after investigate, and on report): spec and small-get latency per target, the ratio to direct, and the findings.</summary>
internal static class RunSummary
{
    public const string LatencyScenario = ScenarioNames.SmallGet;

    public static void Print(RunDocument run)
    {
        var latency = run.Measurements.Where(m => m.Scenario == LatencyScenario && m.Driver == DriverNames.Corslab).GroupBy(m => m.Target).ToDictionary(g => g.Key, g => g.Last());
        var direct = latency.GetValueOrDefault(TargetKinds.Direct)?.Latency;
        Console.Out.WriteLine();
        Console.Out.WriteLine($"{"target",-12} {"spec",-9} {"p50 µs",9} {"p99 µs",11} {"errors",7} {"p50 over direct",-22} {"thresholds",10}");
        foreach (var target in run.Targets)
        {
            var spec = run.Spec.FirstOrDefault(s => s.Target == target.Name) is { } s ? $"{s.Passed}/{s.Passed + s.Failed}" : "-";
            var measured = latency.GetValueOrDefault(target.Name);
            var overDirect = measured is null || direct is null || target.Kind == TargetKinds.Direct ? "-" : OverDirectCell.Format(measured.Latency, direct);
            var errors = measured?.Errors.Values.Sum();
            var all = run.Measurements.Where(m => m.Target == target.Name).SelectMany(m => m.Thresholds).ToArray();
            var thresholds = all.Length == 0 ? "-" : $"{all.Count(t => t.Passed)}/{all.Length}";
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target.Name,-12} {spec,-9} {measured?.Latency.P50,9:0} {P99(measured),11} {errors,7} {overDirect,-22} {thresholds,10}"));
        }

        Console.Out.WriteLine();
        PrintFindings(run);
    }

    private static string P99(ScenarioMeasurement? measured) => measured is null
        ? ""
        : SampleSize.Supports(measured.Latency.Count, 99) ? measured.Latency.P99.ToString("0", CultureInfo.InvariantCulture) : SampleSize.TooFew;

    /// <summary>Each engine's findings at warn or above, then a line per engine with none: the answer to "why is it slow".</summary>
    private static void PrintFindings(RunDocument run)
    {
        foreach (var target in run.Targets.Where(t => t.Kind != TargetKinds.Direct))
        {
            var findings = run.Findings.Where(f => f.Target == target.Name && f.Severity != "info").ToArray();
            if (findings.Length == 0)
            {
                Console.Out.WriteLine($"{target.Name}: no finding at warn or above");
                continue;
            }

            foreach (var finding in findings)
            {
                Console.Out.WriteLine($"{target.Name}: {finding.Severity} {finding.Id}: {finding.Summary} Remedy: {finding.Remedy}");
            }
        }

        Console.Out.WriteLine();
    }
}
