using CorsLab.Spec;

namespace CorsLab.Cli.Commands;

/// <summary>Prints spec results as they come: one line per case, a total at the end.</summary>
internal sealed class SpecConsole(string label, bool verbose) : IProgress<SpecCaseResult>
{
    public void Report(SpecCaseResult value)
    {
        switch (value.Outcome)
        {
            case SpecOutcome.Failed:
                Console.Out.WriteLine($"  FAIL {label} {value.Id}: {value.Detail}");
                break;
            case SpecOutcome.Skipped when verbose:
                Console.Out.WriteLine($"  SKIP {label} {value.Id}: {value.Detail}");
                break;
            case SpecOutcome.Passed when verbose:
                Console.Out.WriteLine($"  PASS {label} {value.Id} ({value.Elapsed.TotalMilliseconds:0} ms)");
                break;
        }
    }

    public static string Total(SpecReport report) =>
        report.Skipped > 0
            ? $"{report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped"
            : $"{report.Passed} passed, {report.Failed} failed";
}
