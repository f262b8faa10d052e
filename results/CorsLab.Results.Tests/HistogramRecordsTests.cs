using HdrHistogram;

namespace CorsLab.Results.Tests;

/// <summary>
/// run.json keeps each histogram exactly: what is decoded answers every percentile as the recorded histogram did,
/// and the summary fields are that histogram's own values.
/// </summary>
public sealed class HistogramRecordsTests
{
    public static TheoryData<string> Kinds => ["long", "concurrent"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RoundTrip_AnswersEveryPercentileAsTheOriginal(string kind)
    {
        HistogramBase original = kind == "long" ? HistogramRecords.CreateMicroseconds() : new LongConcurrentHistogram(1, TimeSpan.FromHours(1).Ticks / 10, 3);
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            // A body near 200 µs and a tail to ~50 ms, as a proxied small GET looks.
            original.RecordValue(i % 100 == 0 ? 5_000 + random.Next(45_000) : 150 + random.Next(100));
        }

        var decoded = HistogramRecords.Decode(HistogramRecords.From(original));

        Assert.Equal(original.TotalCount, decoded.TotalCount);
        Assert.Equal(original.GetMaxValue(), decoded.GetMaxValue());
        foreach (var percentile in new[] { 0.1, 1, 10, 25, 50, 75, 90, 98, 99, 99.5, 99.9, 100 })
        {
            Assert.Equal(original.GetValueAtPercentile(percentile), decoded.GetValueAtPercentile(percentile));
        }
    }

    [Fact]
    public void Summary_IsTheHistogramsOwnPercentiles()
    {
        var histogram = HistogramRecords.CreateMicroseconds();
        for (var value = 1; value <= 1_000; value++)
        {
            histogram.RecordValue(value);
        }

        var record = HistogramRecords.From(histogram);

        Assert.Equal(1_000, record.Count);
        Assert.Equal(histogram.GetValueAtPercentile(50), record.P50);
        Assert.Equal(histogram.GetValueAtPercentile(90), record.P90);
        Assert.Equal(histogram.GetValueAtPercentile(99), record.P99);
        Assert.Equal(histogram.GetValueAtPercentile(99.9), record.P999);
        Assert.Equal(histogram.GetMaxValue(), record.Max);
        Assert.Equal(histogram.GetMean(), record.Mean, 6);
        Assert.InRange(record.P50, 499, 501);
    }

    [Fact]
    public void EmptyHistogram_RoundTripsToEmpty()
    {
        var decoded = HistogramRecords.Decode(HistogramRecords.From(HistogramRecords.CreateMicroseconds()));

        Assert.Equal(0, decoded.TotalCount);
    }
}
