using System.Diagnostics;
using CorsLab.Cli.Commands;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Diagnostics.Output;
using CorsLab.Diagnostics.SelfCheck;
using CorsLab.Load.Capture;
using CorsLab.Proxies.Catalog;
using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Cli.Diagnose;

/// <summary>
/// <c>corslab diagnose --self-check</c>: proves the diagnosis. Every engine clean and with each black-box fault,
/// each run diagnosed against direct (measured once per repeat, one origin for all), counted into a confusion
/// matrix. A clean run is measured under every default scenario (no rule may fire); a faulted one under the
/// scenarios its expected rule reads, which keeps the matrix of 30 runs to a few minutes; <c>--deep</c> adds the
/// slow probe and fault no-timeout (6 runs more, about 5 minutes). Engines are captured unless <c>--no-capture</c>:
/// then the white-box faults (dns-per-request, sync-over-async, alloc-per-chunk, global-lock) join, on the engines
/// that implement them. Exit 0 when every run reported its expected finding at warn or above and no clean run reported
/// anything at warn or above; 1 otherwise.
/// </summary>
internal static class DiagnoseSelfCheck
{
    /// <param name="capture">Records every engine's process; with it the white-box faults join the matrix on the engines that implement them.</param>
    public static async Task<int> RunAsync(int repeat, bool deep, string? json, IScenarioCapture? capture, CancellationToken cancellationToken)
    {
        var scenarios = DiagnosisScenarios.WithCapture(deep ? DiagnosisScenarios.Deep : DiagnosisScenarios.Default, capture is not null);
        IReadOnlyList<(string Fault, IFindingRule Rule)> expectations =
            [.. ExpectedFindings.BlackBox, .. deep ? ExpectedFindings.Deep : [], .. capture is not null ? ExpectedFindings.WhiteBox : []];
        var matrix = new ConfusionMatrix(expectations.Select(entry => entry.Rule.Id).Distinct());
        var runs = new List<SelfCheckRun>();
        await using var origin = await LabComponents.StartOriginAsync(cancellationToken);
        for (var r = 0; r < repeat; r++)
        {
            Console.Out.WriteLine($"repeat {r + 1}/{repeat}: direct");
            var direct = await DiagnoseCommand.MeasureDirectAsync(origin, scenarios, cancellationToken);
            foreach (var engine in EngineCatalog.Names)
            {
                var implemented = expectations.Where(entry => EngineCatalog.ParseFaults(EngineCatalog.Find(engine)!, [entry.Fault]).Error is null);
                foreach (var (fault, rule) in implemented.Select(entry => ((string?)entry.Fault, (IFindingRule?)entry.Rule)).Prepend((null, null)))
                {
                    string[] faults = fault is null ? [] : [fault];
                    var expected = rule?.Id ?? ConfusionMatrix.None;
                    var measured = rule is null ? scenarios : DiagnosisScenarios.For(rule);
                    var run = await RunOneAsync(origin, engine, faults, measured, direct, capture, cancellationToken);
                    var reported = run.Findings.Where(f => f.IsWarnOrAbove).Select(f => f.Id).ToArray();
                    matrix.Record(expected, reported);
                    runs.Add(new SelfCheckRun(r, engine, faults, expected, reported, FindingsDocument.From(engine, measured, run.Findings).Findings, run.Seconds));
                    var verdict = (reported.Length == 0 ? expected == ConfusionMatrix.None : reported.Contains(expected)) ? "ok" : "MISS";
                    Console.Out.WriteLine($"{verdict,-4} {engine,-10} {(faults.Length > 0 ? faults[0] : "clean"),-22} expected {expected,-20} reported {(reported.Length > 0 ? string.Join(", ", reported) : "nothing")} ({run.Seconds:0.0} s)");
                }
            }
        }

        DiagnoseTable.Print(matrix);
        if (json is not null)
        {
            var document = SelfCheckDocument.From(runs, matrix);
            var temp = json + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            await File.WriteAllTextAsync(temp, document.ToJson(), cancellationToken);
            File.Move(temp, json, overwrite: true);
            Console.Out.WriteLine($"wrote {json}");
        }

        return matrix.Missed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<(IReadOnlyList<Finding> Findings, double Seconds)> RunOneAsync(
        OriginProcess origin, string engine, string[] faults, IReadOnlyList<string> scenarios, IReadOnlyList<ScenarioMeasurement> direct, IScenarioCapture? capture, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var process = await LabComponents.StartEngineAsync(engine, origin, faults, cancellationToken);
        var target = new TargetInfo(engine, TargetKinds.Engine, process.TargetTemplate, faults);
        var diagnosis = await DiagnoseCommand.RunOneAsync(origin, target, DiagnosisScenarios.Resolve(scenarios), process.Process.ProcessId, direct, capture, cancellationToken);
        return (diagnosis.Findings, clock.Elapsed.TotalSeconds);
    }
}
