using CorsLab.Results;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>One colour per target across every plot of a run; the direct reference is always grey.</summary>
internal sealed class TargetColors(RunDocument run)
{
    private static readonly Color DirectGrey = Color.FromHex("#7f7f7f");
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    private readonly List<string> _order = run.Targets
        .Where(target => target.Kind != TargetKinds.Direct)
        .Select(target => target.Name)
        .Concat(run.Measurements.Select(measurement => measurement.Target))
        .Where(name => name != TargetKinds.Direct)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public Color For(string target, bool direct)
    {
        if (direct)
        {
            return DirectGrey;
        }

        var index = _order.IndexOf(target);

        // Category10's grey (index 7) would read as the direct reference: skip it.
        var slot = index < 0 ? 0 : index;
        return Palette.GetColor(slot >= 7 ? slot + 1 : slot);
    }
}
