using CorsLab.Origin.Timing;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Tests;

public sealed class TimingStoreTests
{
    [Fact]
    public void Wrapped_KeepsTheNewestInSeqOrder_AndCountsDrops()
    {
        var store = Fill(capacity: 4, count: 10);

        var (records, dropped) = store.ReadSince(0, 100);

        Assert.Equal([7L, 8L, 9L, 10L], records.Select(record => record.Seq));
        Assert.Equal(["r7", "r8", "r9", "r10"], records.Select(record => record.Id));
        Assert.Equal(6, dropped);
    }

    [Theory]
    [InlineData(8, 100, new long[] { 9, 10 })]
    [InlineData(2, 2, new long[] { 7, 8 })]
    [InlineData(10, 100, new long[0])]
    [InlineData(long.MaxValue, 100, new long[0])]
    public void ReadSince_StartsAfterTheCursor_AndStopsAtTheLimit(long cursor, int limit, long[] expected)
    {
        var store = Fill(capacity: 4, count: 10);

        Assert.Equal(expected, store.ReadSince(cursor, limit).Records.Select(record => record.Seq));
    }

    [Fact]
    public void ReadIds_FindsOnlyRetainedRecords()
    {
        var store = Fill(capacity: 4, count: 10);

        var (records, _) = store.ReadIds(["r1", "r8", "r10", "nope"]);

        Assert.Equal(["r8", "r10"], records.Select(record => record.Id));
    }

    private static TimingStore Fill(int capacity, int count)
    {
        var store = new TimingStore(capacity);
        for (var i = 1; i <= count; i++)
        {
            var context = new DefaultHttpContext();
            context.Request.Method = "GET";
            var capture = new TimingCapture(context, store, $"r{i}", "/healthz", headIn: i);
            store.Publish(capture, 200, aborted: false);
        }

        return store;
    }
}
