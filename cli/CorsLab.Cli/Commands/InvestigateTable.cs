using System.Globalization;
using CorsLab.Load.Results;

namespace CorsLab.Cli.Commands;

/// <summary>The console summary of a run: spec and latency per target, and the ratio to direct.</summary>
internal static class InvestigateTable
{
    public static void Print(RunDocument run)
    {
        var direct = run.Targets.FirstOrDefault(t => t.Kind == "direct")?.SmallGet?.P50Micros;
        Console.Out.WriteLine();
        Console.Out.WriteLine($"{"target",-12} {"spec",-14} {"p50 µs",10} {"p99 µs",10} {"errors",7} {"× direct",9}");
        foreach (var target in run.Targets)
        {
            var spec = target.Spec is { } s ? $"{s.Passed}/{s.Passed + s.Failed}" : "-";
            var latency = target.SmallGet;
            var ratio = latency is not null && direct is > 0 ? (latency.P50Micros / direct.Value).ToString("0.00", CultureInfo.InvariantCulture) : "-";
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target.Name,-12} {spec,-14} {latency?.P50Micros,10:0} {latency?.P99Micros,10:0} {latency?.Errors,7} {ratio,9}"));
        }

        Console.Out.WriteLine();
    }
}
