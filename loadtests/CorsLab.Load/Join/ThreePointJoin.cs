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
        foreach (var (id, client) in clients)
        {
            if (!origins.TryGetValue(id, out var origin))
            {
                continue;
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
        };
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

    private static double At(List<double> sorted, double percentile)
    {
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
