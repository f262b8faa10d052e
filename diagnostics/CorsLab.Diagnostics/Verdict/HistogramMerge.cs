using CorsLab.Results;
using HdrHistogram;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// Adds the exact histograms of several repeats, so percentiles over all of them are exact too (never averaged).
/// Records without one (wrk's: percentiles only) add nothing.
/// </summary>
internal static class HistogramMerge
{
    public static HistogramBase Merge(IEnumerable<HistogramRecord> records)
    {
        var decoded = records.Where(record => record.Encoded.Length > 0).Select(HistogramRecords.Decode).ToList();
        var template = HistogramRecords.CreateMicroseconds();
        var highest = decoded.Select(histogram => histogram.HighestTrackableValue).Append(template.HighestTrackableValue).Max();
        var merged = highest > template.HighestTrackableValue ? new LongHistogram(highest, 3) : template;
        foreach (var histogram in decoded)
        {
            merged.Add(histogram);
        }

        return merged;
    }

    public static HistogramRecord MergeToRecord(IEnumerable<HistogramRecord> records) => HistogramRecords.From(Merge(records));
}
