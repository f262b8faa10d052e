using System.Diagnostics;
using CorsLab.Load.Engine;
using CorsLab.Protocol.OriginTimings;
using CorsLab.Results;

namespace CorsLab.Load.Join;

/// <summary>
/// Joins a phase's client samples with the origin's timing records by <c>x-corslab-id</c> into a
/// <see cref="ThreePointSummary"/>. One clock on both sides (Stopwatch ticks), so differences are real delays.
/// </summary>
public static class ThreePointJoin
{
    /// <summary>How long to wait for the origin to publish records of requests that just completed.</summary>
    private static readonly TimeSpan PublishWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// An origin body that took less than this to write is one burst: the client's first byte naturally lands
    /// after the origin's last write, so buffering cannot be told apart and the request is not counted.
    /// </summary>
    private static readonly long BufferingEligibleTicks = Stopwatch.Frequency / 1000;

    /// <summary>Fetches the origin's records of <paramref name="phase"/>'s sample (polling briefly for late ones) and joins them.</summary>
    public static async Task<ThreePointSummary?> JoinAsync(OriginTimingsClient origin, PhaseResult phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(phase);
        if (phase.JoinSample.Count == 0)
        {
            return null;
        }

        var byId = new Dictionary<string, ClientSample>(phase.JoinSample.Count, StringComparer.Ordinal);
        foreach (var sample in phase.JoinSample)
        {
            byId[PhaseRecorder.IdOf(phase.IdTag, sample.Ticket)] = sample;
        }

        var found = new Dictionary<string, OriginTiming>(StringComparer.Ordinal);
        var deadline = Stopwatch.GetTimestamp() + (long)(PublishWait.TotalSeconds * Stopwatch.Frequency);
        var frequency = Stopwatch.Frequency;
        while (true)
        {
            var missing = byId.Keys.Where(id => !found.ContainsKey(id)).ToArray();
            var page = await origin.GetByIdsAsync(missing, cancellationToken);
            frequency = page.Frequency;
            foreach (var record in page.Records)
            {
                found[record.Id] = record;
            }

            if (found.Count == byId.Count || Stopwatch.GetTimestamp() >= deadline)
            {
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return Summarise(byId, found, frequency);
    }

    internal static ThreePointSummary Summarise(IReadOnlyDictionary<string, ClientSample> clients, IReadOnlyDictionary<string, OriginTiming> origins, long frequency)
    {
        var micros = 1_000_000.0 / frequency;
        var inbound = new List<double>();
        var originTime = new List<double>();
        var firstGap = new List<double>();
        var lastGap = new List<double>();
        var requestGap = new List<double>();
        long bufferingEligible = 0, buffered = 0, requestEligible = 0, requestBuffered = 0;
        var originConnections = new HashSet<string>(StringComparer.Ordinal);
        var clientConnections = new HashSet<int>();
        var completed = new List<(ClientSample Client, OriginTiming Origin)>();
        foreach (var (id, client) in clients)
        {
            if (!origins.TryGetValue(id, out var origin))
            {
                continue;
            }

            if (!client.Failed && client.LastByte != 0 && origin.ResponseStart is not null)
            {
                completed.Add((client, origin));
            }

            originConnections.Add(origin.ConnectionId);
            clientConnections.Add(client.Connection);
            inbound.Add((origin.HeadIn - client.Sent) * micros);
            var originEnd = origin.ResponseBodyLast ?? origin.ResponseStart;
            if (originEnd is { } end)
            {
                originTime.Add((end - origin.HeadIn) * micros);
            }

            if (client.LastByte != 0 && origin.ResponseBodyFirst is { } originFirst && origin.ResponseBodyLast is { } originLast)
            {
                firstGap.Add((client.FirstByte - originFirst) * micros);
                lastGap.Add((client.LastByte - originLast) * micros);
                if (originLast - originFirst >= BufferingEligibleTicks)
                {
                    bufferingEligible++;
                    if (client.FirstByte > originLast)
                    {
                        buffered++;
                    }
                }
            }

            if (client.BodySent != 0 && origin.RequestBodyFirst is { } requestFirst)
            {
                requestGap.Add((requestFirst - client.BodySent) * micros);
                if (client.BodySent - client.Sent >= BufferingEligibleTicks)
                {
                    requestEligible++;
                    if (requestFirst > client.BodySent)
                    {
                        requestBuffered++;
                    }
                }
            }
        }

        long joined = inbound.Count;
        return new ThreePointSummary(
            joined,
            clients.Count - joined,
            Percentiles(inbound),
            Percentiles(originTime),
            Percentiles(firstGap),
            Percentiles(lastGap),
            requestGap.Count > 0 ? Percentiles(requestGap) : null,
            bufferingEligible > 0 ? (double)buffered / bufferingEligible : 0,
            requestEligible > 0 ? (double)requestBuffered / requestEligible : 0,
            originConnections.Count,
            clientConnections.Count,
            joined > 0 ? (double)originConnections.Count / joined : 0)
        {
            BufferingEligible = bufferingEligible,
            RequestBufferingEligible = requestEligible,
            Waterfalls = Waterfalls(completed, micros),
        };
    }

    /// <summary>
    /// The median and the p99 request by the client's send → last byte, among joined requests that completed with a
    /// response from the origin (a failed request has no last byte to rank by). Ties go to the earlier ticket, so
    /// the same samples always give the same requests.
    /// </summary>
    private static RequestWaterfalls? Waterfalls(List<(ClientSample Client, OriginTiming Origin)> completed, double micros)
    {
        if (completed.Count == 0)
        {
            return null;
        }

        completed.Sort((a, b) =>
        {
            var byTotal = (a.Client.LastByte - a.Client.Sent).CompareTo(b.Client.LastByte - b.Client.Sent);
            return byTotal != 0 ? byTotal : a.Client.Ticket.CompareTo(b.Client.Ticket);
        });
        return new RequestWaterfalls(completed.Count, Waterfall(completed[Rank(completed.Count, 50)]), Waterfall(completed[Rank(completed.Count, 99)]));

        RequestWaterfall Waterfall((ClientSample Client, OriginTiming Origin) request)
        {
            var (client, origin) = request;

            // Without a body the response head is what the origin wrote first and last, as it is for the client.
            var head = origin.ResponseStart!.Value;
            return new RequestWaterfall(
                (origin.HeadIn - client.Sent) * micros,
                ((origin.ResponseBodyFirst ?? head) - client.Sent) * micros,
                ((origin.ResponseBodyLast ?? head) - client.Sent) * micros,
                (client.FirstByte - client.Sent) * micros,
                (client.LastByte - client.Sent) * micros);
        }
    }

    /// <summary>Exact percentiles of a bounded sample (values can be negative: a gap where the client led).</summary>
    internal static PercentileSummary Percentiles(List<double> values)
    {
        if (values.Count == 0)
        {
            return new PercentileSummary(0, 0, 0, 0);
        }

        values.Sort();
        return new PercentileSummary(At(values, 50), At(values, 90), At(values, 99), values[^1]);
    }

    private static double At(List<double> sorted, double percentile) => sorted[Rank(sorted.Count, percentile)];

    /// <summary>The nearest-rank index of <paramref name="percentile"/> in a sorted sample of <paramref name="count"/>.</summary>
    private static int Rank(int count, double percentile) => Math.Clamp((int)Math.Ceiling(percentile / 100 * count) - 1, 0, count - 1);
}
