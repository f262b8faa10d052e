using CorsLab.Results;
using HdrHistogram;

namespace CorsLab.Diagnostics.Tests;

public sealed class HistogramRoundTripTests
{
    [Fact]
    public void LongHistogram_RoundTrips()
    {
        var histogram = HistogramRecords.CreateMicroseconds();
        histogram.RecordValue(500);
        histogram.RecordValue(40_000);
        var decoded = HistogramRecords.Decode(HistogramRecords.From(histogram));
        Assert.Equal(2, decoded.TotalCount);
    }

    [Fact]
    public void ConcurrentHistogram_RoundTrips()
    {
        var histogram = new LongConcurrentHistogram(1, TimeSpan.FromHours(1).Ticks / 10, 3);
        histogram.RecordValue(500);
        histogram.RecordValue(40_000);
        var decoded = HistogramRecords.Decode(HistogramRecords.From(histogram));
        Assert.Equal(2, decoded.TotalCount);
    }
}
