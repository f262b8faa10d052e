using CorsLab.Reports.Waterfalls;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>
/// Where one request's time goes, for the median and the p99 request of each target above direct's, on one time
/// axis from the client's send: a bar of the way in, the origin (waiting, then sending the body) and the way out
/// after the origin's last byte, and beneath it a thin bar for the client receiving, from its first byte (marked)
/// to its last. Streaming shows as the thin bar under the origin's body; a buffered body as the thin bar starting
/// where the origin's ends; a stall as one long segment.
/// </summary>
internal static class WaterfallPlot
{
    private static readonly Color WayIn = Color.FromHex("#4c72b0");
    private static readonly Color OriginWaiting = Color.FromHex("#c7c7c7");
    private static readonly Color OriginSending = Color.FromHex("#7f7f7f");
    private static readonly Color WayOut = Color.FromHex("#dd8452");
    private static readonly Color ClientReceiving = Color.FromHex("#222222");

    /// <summary>Lighter than any segment, so the line between the targets and direct is not read as one.</summary>
    private static readonly Color Separator = Color.FromHex("#b0b0b0");

    private const double SegmentHeight = 0.55;
    private const double ReceivingOffset = 0.4;
    private const double ReceivingHeight = 0.12;

    public static Plot Create(ScenarioWaterfall waterfall)
    {
        var plot = PlotCanvas.Create($"{waterfall.Scenario}: where the time goes", "time from the client's send", "");
        var rows = waterfall.Rows;
        var ticks = new NumericManual();
        var bars = new List<Bar>();
        for (var index = 0; index < rows.Count; index++)
        {
            // The first row on top: ScottPlot's y grows upwards.
            var y = rows.Count - 1 - index;
            var segments = WaterfallSegments.Of(rows[index].Request);
            Segment(y, 0, segments.HeadIn, WayIn, SegmentHeight);
            Segment(y, segments.HeadIn, segments.OriginFirst, OriginWaiting, SegmentHeight);
            Segment(y, segments.OriginFirst, segments.OriginLast, OriginSending, SegmentHeight);
            Segment(y, segments.OriginLast, segments.End, WayOut, SegmentHeight);
            Segment(y - ReceivingOffset, segments.ClientFirst, segments.End, ClientReceiving, ReceivingHeight);
            plot.Add.Marker(segments.ClientFirst, y - ReceivingOffset, MarkerShape.FilledTriangleUp, 9, ClientReceiving);
            ticks.AddMajor(y, rows[index].IsDirect ? $"{rows[index].Label} (ref)" : rows[index].Label);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;

        // Between the targets and the direct reference below them.
        var firstDirect = rows.ToList().FindIndex(row => row.IsDirect);
        if (firstDirect > 0)
        {
            plot.Add.HorizontalLine(rows.Count - firstDirect - 0.5, 1, Separator, LinePattern.Dashed);
        }

        foreach (var (text, color) in new[] { ("way in", WayIn), ("origin waiting", OriginWaiting), ("origin sending", OriginSending), ("way out", WayOut), ("client receiving (▲ first byte)", ClientReceiving) })
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color });
        }

        plot.ShowLegend(Edge.Right);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = value => value < 0 ? "" : Format.MicrosTick(value) };
        plot.Axes.SetLimits(0, Math.Max(1, waterfall.Span) * 1.04, -0.8, rows.Count - 0.5);
        return plot;

        void Segment(double y, double from, double to, Color color, double height)
        {
            if (to > from)
            {
                bars.Add(new Bar { Position = y, ValueBase = from, Value = to, Size = height, FillColor = color, LineWidth = 0 });
            }
        }
    }
}
