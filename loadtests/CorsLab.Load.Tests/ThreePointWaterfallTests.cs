using CorsLab.Load.Engine;
using CorsLab.Load.Join;
using CorsLab.Protocol.OriginTimings;
using CorsLab.Results;

namespace CorsLab.Load.Tests;

/// <summary>
/// The join's choice of the median and p99 request for the waterfall, from constructed samples: a clock of 1 MHz,
/// so one tick is one µs and every expected offset is written as it is.
/// </summary>
public sealed class ThreePointWaterfallTests
{
    private const long Frequency = 1_000_000;

    [Fact]
    public void Waterfalls_PickTheMedianAndP99Request_ByClientSendToLastByte()
    {
        var clients = new Dictionary<string, ClientSample>();
        var origins = new Dictionary<string, OriginTiming>();

        // 200 requests whose totals (500 µs to 2,490 µs in 10 µs steps) arrive shuffled, so only ranking finds them.
        for (var ticket = 1; ticket <= 200; ticket++)
        {
            var total = 500 + ((ticket * 37 % 200) * 10);
            Add(clients, origins, ticket, sent: ticket * 10_000, headIn: 100, bodyFirst: 300, bodyLast: 400, clientFirst: 450, clientLast: total);
        }

        var waterfalls = ThreePointJoin.Summarise(clients, origins, Frequency).Waterfalls;

        Assert.NotNull(waterfalls);
        Assert.Equal(200, waterfalls.Requests);

        // Nearest rank, as the join's percentiles: the 100th and the 198th of 200.
        Assert.Equal(1_490, waterfalls.Median.ClientLastByte);
        Assert.Equal(2_470, waterfalls.P99.ClientLastByte);
        Assert.Equal(new RequestWaterfall(100, 300, 400, 450, 1_490), waterfalls.Median);
    }

    [Fact]
    public void Waterfalls_LeaveOutFailedAndUnjoinedRequests()
    {
        var clients = new Dictionary<string, ClientSample>();
        var origins = new Dictionary<string, OriginTiming>();
        Add(clients, origins, 1, sent: 1_000, headIn: 50, bodyFirst: 200, bodyLast: 210, clientFirst: 260, clientLast: 300);
        Add(clients, origins, 2, sent: 2_000, headIn: 50, bodyFirst: 200, bodyLast: 210, clientFirst: 0, clientLast: 0, failed: true);
        clients["t3"] = new ClientSample(3, 0, 3_000, 0, 3_000 + 90_000, 3_000 + 90_000, 200, false);

        var summary = ThreePointJoin.Summarise(clients, origins, Frequency);

        Assert.Equal(2, summary.Joined);
        Assert.NotNull(summary.Waterfalls);
        Assert.Equal(1, summary.Waterfalls.Requests);
        Assert.Equal(300, summary.Waterfalls.Median.ClientLastByte);
        Assert.Equal(summary.Waterfalls.Median, summary.Waterfalls.P99);
    }

    [Fact]
    public void Waterfalls_ResponseWithoutBody_UsesTheOriginsHeadAsItsFirstAndLastByte()
    {
        var clients = new Dictionary<string, ClientSample> { ["t1"] = new(1, 0, 5_000, 0, 5_700, 5_700, 204, false) };
        var origins = new Dictionary<string, OriginTiming> { ["t1"] = Origin("t1", 5_000 + 120, responseStart: 5_000 + 640, bodyFirst: null, bodyLast: null) };

        var waterfall = ThreePointJoin.Summarise(clients, origins, Frequency).Waterfalls?.Median;

        Assert.Equal(new RequestWaterfall(120, 640, 640, 700, 700), waterfall);
    }

    [Fact]
    public void Waterfalls_EqualTotals_GoToTheEarlierTicket()
    {
        var clients = new Dictionary<string, ClientSample>();
        var origins = new Dictionary<string, OriginTiming>();
        Add(clients, origins, 2, sent: 9_000, headIn: 70, bodyFirst: 200, bodyLast: 210, clientFirst: 260, clientLast: 500);
        Add(clients, origins, 1, sent: 1_000, headIn: 40, bodyFirst: 200, bodyLast: 210, clientFirst: 260, clientLast: 500);

        var waterfalls = ThreePointJoin.Summarise(clients, origins, Frequency).Waterfalls;

        Assert.Equal(40, waterfalls?.Median.OriginHeadIn);
        Assert.Equal(70, waterfalls?.P99.OriginHeadIn);
    }

    [Fact]
    public void Waterfalls_NoRequestCompleted_AreAbsent()
    {
        var clients = new Dictionary<string, ClientSample>();
        var origins = new Dictionary<string, OriginTiming>();
        Add(clients, origins, 1, sent: 1_000, headIn: 50, bodyFirst: 200, bodyLast: 210, clientFirst: 0, clientLast: 0, failed: true);

        Assert.Null(ThreePointJoin.Summarise(clients, origins, Frequency).Waterfalls);
    }

    /// <summary>One joined request; every instant but <paramref name="sent"/> in µs after the send.</summary>
    private static void Add(
        Dictionary<string, ClientSample> clients, Dictionary<string, OriginTiming> origins, long ticket, long sent,
        long headIn, long bodyFirst, long bodyLast, long clientFirst, long clientLast, bool failed = false)
    {
        var id = $"t{ticket}";
        clients[id] = new ClientSample(ticket, 0, sent, 0, failed ? 0 : sent + clientFirst, failed ? 0 : sent + clientLast, failed ? 0 : 200, failed);
        origins[id] = Origin(id, sent + headIn, responseStart: sent + bodyFirst, bodyFirst: sent + bodyFirst, bodyLast: sent + bodyLast);
    }

    private static OriginTiming Origin(string id, long headIn, long responseStart, long? bodyFirst, long? bodyLast) =>
        new(1, id, "c1", "GET", "/bytes/1024", 200, headIn, null, null, 0, responseStart, bodyFirst, bodyLast, 1024);
}
