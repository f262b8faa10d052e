using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>cpu-hotspot</c> (info): where the proxy's process spent its managed CPU samples, the top methods at the top of
/// the stack with their share, and the flame graph to open. Always info: a profile is a map, not a fault.
/// </summary>
public sealed class CpuHotspotRule : IFindingRule
{
    public const string FindingId = "cpu-hotspot";

    /// <summary>Fewer samples than this and a share moves by whole percents on one sample.</summary>
    public const long MinSamples = 100;

    /// <summary>How many methods the sentence names.</summary>
    public const int Named = 5;

    public string Id => FindingId;

    public bool NeedsCapture => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.NamedGet, ScenarioNames.SmallGet, ScenarioNames.MediumGet, ScenarioNames.LargeDownload, ScenarioNames.Reuse];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (CaptureEvidence.First(evidence, Scenarios, capture => capture.CpuSamples >= MinSamples, minRequests: 1) is not ({ } measured, { } capture))
        {
            return null;
        }

        var facts = CaptureEvidence.Facts(measured, capture);
        facts["cpuSamples"] = Evidence.Count(capture.CpuSamples);
        facts["cpuSamplesPerRequest"] = Evidence.Number(capture.PerRequest(capture.CpuSamples));
        if (capture.FlameGraphFile is { } flame)
        {
            facts["flameGraph"] = flame;
        }

        var top = capture.TopExclusive.Take(Named).ToArray();
        for (var i = 0; i < top.Length; i++)
        {
            facts[Evidence.Invariant($"exclusive.{i + 1}")] = Evidence.Invariant($"{top[i].Name} {Evidence.Percent(top[i].Share)}");
        }

        var inclusive = capture.TopInclusive.Take(Named).ToArray();
        for (var i = 0; i < inclusive.Length; i++)
        {
            facts[Evidence.Invariant($"inclusive.{i + 1}")] = Evidence.Invariant($"{inclusive[i].Name} {Evidence.Percent(inclusive[i].Share)}");
        }

        return new Finding(
            FindingId,
            FindingSeverity.Info,
            Evidence.Invariant(
                $"On {measured.Scenario}, {capture.CpuSamples} managed CPU samples; most at the top of the stack: {string.Join("; ", top.Select(method => $"{method.Name} {Evidence.Percent(method.Share)}"))}{(capture.FlameGraphFile is { } file ? $" (flame graph: {file})" : "")}."),
            facts,
            "None needed by itself; open the flame graph (speedscope) and look at the widest frames your own code owns.");
    }
}
