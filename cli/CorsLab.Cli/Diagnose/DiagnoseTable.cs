using System.Globalization;
using CorsLab.Diagnostics.Findings;
using CorsLab.Diagnostics.SelfCheck;
using CorsLab.Diagnostics.Verdict;

namespace CorsLab.Cli.Diagnose;

/// <summary>The console view of a diagnosis (findings) and of a self-check (the confusion matrix).</summary>
internal static class DiagnoseTable
{
    public static void Print(Diagnosis diagnosis)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine($"{"scenario",-16} {"target p50",11} {"p99",9} {"direct p50",11} {"p99",9} {"requests",9} {"errors",7} {"resp held",10} {"req held",10} {"orig conn/req",14}");
        foreach (var measured in diagnosis.Measurements)
        {
            var direct = diagnosis.Direct.FirstOrDefault(d => d.Scenario == measured.Scenario);
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{measured.Scenario,-16} {P50(measured.Latency),11} {P99(measured.Latency),9} {P50(direct?.Latency),11} {P99(direct?.Latency),9} {measured.Requests,9} {measured.Errors.Values.Sum(),7} {Held(measured.ThreePoint?.FirstByteAfterOriginLast, measured.ThreePoint?.BufferingEligible, direct?.ThreePoint?.FirstByteAfterOriginLast),10} {Held(measured.ThreePoint?.RequestFirstByteAfterClientLast, measured.ThreePoint?.RequestBufferingEligible, direct?.ThreePoint?.RequestFirstByteAfterClientLast),10} {Ratio(measured.ThreePoint?.OriginConnectionsPerRequest, direct?.ThreePoint?.OriginConnectionsPerRequest),14}"));
        }

        if (diagnosis.Measurements.Concat(diagnosis.Direct).Any(m => m.Latency.Count > 0 && !SampleSize.Supports(m.Latency.Count, 99)))
        {
            Console.Out.WriteLine($"p99 '-': {SampleSize.TooFew} (a p99 needs {SampleSize.BeyondTail} requests beyond it, 1,000 in all)");
        }

        Console.Out.WriteLine();
        if (diagnosis.Findings.Count == 0)
        {
            Console.Out.WriteLine($"{diagnosis.Target.Name}: no findings");
        }
        else
        {
            Console.Out.WriteLine($"{"severity",-9} {"finding",-24} summary");
            foreach (var finding in diagnosis.Findings)
            {
                Console.Out.WriteLine($"{FindingSeverities.Name(finding.Severity),-9} {finding.Id,-24} {finding.Summary}");
                Console.Out.WriteLine($"{"",-9} {"",-24} remedy: {finding.Remedy}");
            }
        }

        foreach (var (rule, why) in diagnosis.NotChecked)
        {
            Console.Out.WriteLine($"not checked: {rule} ({why})");
        }

        Console.Out.WriteLine();
    }

    public static void Print(ConfusionMatrix matrix)
    {
        var width = Math.Max(10, matrix.Labels.Max(l => l.Length) + 1);
        Console.Out.WriteLine();
        Console.Out.WriteLine("expected \\ reported (warn or above)");
        Console.Out.WriteLine("".PadRight(width) + string.Concat(matrix.Labels.Select(l => l.PadLeft(width))));
        foreach (var expected in matrix.Labels)
        {
            var cells = matrix.Labels.Select(reported => matrix[expected, reported].ToString(CultureInfo.InvariantCulture).PadLeft(width));
            Console.Out.WriteLine(expected.PadRight(width) + string.Concat(cells));
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine($"{matrix.Runs} runs: {matrix.Runs - matrix.Missed} found what they should ({matrix.Exact} with nothing else at warn or above), {matrix.Missed} missed");
    }

    /// <summary>A held fraction and direct's, e.g. <c>98%/0%</c>; <c>-</c> when no request was eligible.</summary>
    private static string Held(double? fraction, long? eligible, double? direct) =>
        fraction is { } f && eligible > 0 ? string.Create(CultureInfo.InvariantCulture, $"{f * 100:0}%/{(direct ?? 0) * 100:0}%") : "-";

    private static string Ratio(double? value, double? direct) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.00}/{direct ?? 0:0.00}") : "-";

    private static string P50(Results.HistogramRecord? latency) => latency is { Count: > 0 } ? Ms(latency.P50) : "-";

    private static string P99(Results.HistogramRecord? latency) => latency is { Count: > 0 } && SampleSize.Supports(latency.Count, 99) ? Ms(latency.P99) : "-";

    private static string Ms(double? micros) => micros is { } value ? (value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms" : "-";
}
