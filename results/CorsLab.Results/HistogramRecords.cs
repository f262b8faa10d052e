using HdrHistogram;
using HdrHistogram.Utilities;

namespace CorsLab.Results;

/// <summary>Converts between an HdrHistogram of microseconds and its <see cref="HistogramRecord"/> in run.json.</summary>
public static class HistogramRecords
{
    /// <summary>1 µs to 1 hour at 3 significant digits: every latency the lab can see, 0.1% resolution.</summary>
    public static LongHistogram CreateMicroseconds() => new(TimeSpan.FromHours(1).Ticks / 10, 3);

    public static HistogramRecord From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return new HistogramRecord(0, 0, 0, 0, 0, 0, 0, Encode(histogram));
        }

        return new HistogramRecord(
            histogram.TotalCount,
            histogram.GetValueAtPercentile(50),
            histogram.GetValueAtPercentile(90),
            histogram.GetValueAtPercentile(99),
            histogram.GetValueAtPercentile(99.9),
            histogram.GetMaxValue(),
            histogram.GetMean(),
            Encode(histogram));
    }

    public static HistogramBase Decode(HistogramRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var bytes = Convert.FromBase64String(record.Encoded);
        return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), 0);
    }

    private static string Encode(HistogramBase histogram)
    {
        // ByteBuffer.Allocate(byte[]) copies its argument, so the encoding must be read back from the buffer
        // itself (its ToArray is internal): Get() from position 0.
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = HistogramEncoding.EncodeIntoCompressedByteBuffer(histogram, buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }
}
