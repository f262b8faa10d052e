using System.Text;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Exporters;

namespace CorsLab.Reports.Waterfalls;

/// <summary>
/// The waterfall as console text: a header with the shared scale, then one line per request, a bar drawn to that
/// scale and the segments in numbers. A stall shows as a long run of one character (way in <c>.</c>, origin waiting
/// <c>-</c> and sending <c>=</c>, way out <c>&gt;</c>); a buffered body as the client's first byte (<c>^</c>) at the
/// origin's end instead of near its start.
/// </summary>
public static class WaterfallTimeline
{
    /// <summary>Cells in a bar: narrow enough that a line with its numbers fits a 160-column terminal.</summary>
    public const int BarWidth = 48;

    public const char WayIn = '.';
    public const char OriginWaiting = '-';
    public const char OriginSending = '=';
    public const char WayOut = '>';
    public const char ClientFirstByte = '^';

    public static IReadOnlyList<string> Lines(ScenarioWaterfall waterfall)
    {
        ArgumentNullException.ThrowIfNull(waterfall);
        var span = waterfall.Span;
        var width = waterfall.Rows.Max(row => row.Label.Length);
        var lines = new List<string>
        {
            $"{waterfall.Scenario}: where the time goes, 0 to {Format.Micros(span)} from the client's send " +
            $"({WayIn} way in, {OriginWaiting} origin waits, {OriginSending} origin sends, {WayOut} way out, {ClientFirstByte} client's first byte)",
        };
        foreach (var row in waterfall.Rows)
        {
            var segments = WaterfallSegments.Of(row.Request);
            lines.Add(
                $"  {row.Label.PadRight(width)} |{Bar(segments, span)}| {Format.Micros(segments.End)}: " +
                $"in {Format.Micros(segments.HeadIn)}, origin waits {Format.Micros(segments.OriginFirst - segments.HeadIn)} and sends {Format.Micros(segments.OriginLast - segments.OriginFirst)}, out {Format.Micros(segments.End - segments.OriginLast)}, " +
                $"first-byte gap {Format.Micros(segments.FirstByteGap)}");
        }

        if (waterfall.P99TooFew.Count > 0)
        {
            lines.Add($"  p99 request not shown for {string.Join(", ", waterfall.P99TooFew)}: {SampleSize.TooFew} (a p99 needs {SampleSize.BeyondTail} requests beyond it)");
        }

        return lines;
    }

    /// <summary>Cells by rounded boundaries, so a segment shorter than half a cell draws nothing: the bar is to scale, the numbers beside it exact.</summary>
    internal static string Bar(WaterfallSegments segments, double span)
    {
        var perCell = span > 0 ? span / BarWidth : 1;
        int Cell(double micros) => (int)Math.Clamp(Math.Round(micros / perCell), 0, BarWidth);

        var (headIn, originFirst, originLast, end) = (Cell(segments.HeadIn), Cell(segments.OriginFirst), Cell(segments.OriginLast), Math.Max(1, Cell(segments.End)));
        var bar = new StringBuilder(BarWidth);
        for (var cell = 0; cell < BarWidth; cell++)
        {
            bar.Append(cell < headIn ? WayIn : cell < originFirst ? OriginWaiting : cell < originLast ? OriginSending : cell < end ? WayOut : ' ');
        }

        bar[Math.Min((int)(segments.ClientFirst / perCell), end - 1)] = ClientFirstByte;
        return bar.ToString();
    }
}
