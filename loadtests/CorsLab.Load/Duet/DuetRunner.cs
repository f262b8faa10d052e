using System.Diagnostics;
using CorsLab.Load.Engine;
using CorsLab.Load.Resources;

namespace CorsLab.Load.Duet;

/// <summary>
/// Duet benchmarking: several targets measured in one phase, batch by batch (<see cref="BatchSize"/> requests to each
/// in turn, the order rotated every round), one request at a time on one keep-alive connection per target, so a
/// machine that slows down for a few milliseconds slows every target alike. Phases measured one after another on a
/// shared 2-core machine drift apart by ±25 %; within a duet the targets see the same machine.
/// <code>
///  1 connect each target, warm up (rounds, not judged) ─ 2 rounds until the duration: per target a batch, latencies
///    kept per target, each local target's process CPU read before and after ─ 3 per target: percentiles, errors,
///    the client's own turnaround, CPU seconds
/// </code>
/// Closed loop, one in flight: no pacer, so nothing is charged to a late schedule; the client's turnaround between
/// requests is recorded instead, so a descheduled load client shows.
/// </summary>
public static class DuetRunner
{
    /// <summary>Twenty requests (a few ms at loopback latencies): short enough that drift is shared, long enough that switching costs little.</summary>
    public const int BatchSize = 20;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<DuetSample>> RunAsync(IReadOnlyList<DuetTarget> targets, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var counter = new ConnectionCounter();
        var sides = new Side[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var endpoint = await LoadEndpoint.ResolveAsync(targets[i].Request.Url, cancellationToken);
            sides[i] = new Side(targets[i].Name, new LoadConnection(endpoint, counter, RequestTimeout, cancellationToken), new EncodedRequest(targets[i].Request, "duet"));
        }

        try
        {
            // 1. Warm-up rounds: connections open, JIT and pools warm; nothing kept.
            await RoundsAsync(sides, warmup, keep: false, cancellationToken);

            // 2. Measured rounds, with each local process's CPU around them.
            var before = targets.Select(t => t.ProcessId is { } pid ? ProcessCpuSnapshot.Take(pid) : null).ToArray();
            await RoundsAsync(sides, duration, keep: true, cancellationToken);
            var cpu = targets.Select((t, i) => t.ProcessId is { } pid && before[i] is { } start && ProcessCpuSnapshot.Take(pid) is { } end ? end.Since(start).TotalSeconds : (double?)null).ToArray();

            // 3. Per target.
            return sides.Select((side, i) => side.Summary() with { CpuSeconds = cpu[i] }).ToArray();
        }
        finally
        {
            foreach (var side in sides)
            {
                await side.Connection.DisposeAsync();
            }
        }
    }

    private static async Task RoundsAsync(Side[] sides, TimeSpan length, bool keep, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        long ticket = 0;
        for (var round = 0; Stopwatch.GetTimestamp() < end; round++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                var side = sides[(round + k) % sides.Length];
                var previous = 0L;
                for (var n = 0; n < BatchSize; n++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var outcome = await side.Connection.SendAsync(side.Request, ++ticket);
                    if (keep)
                    {
                        side.Record(outcome, previous);
                    }

                    previous = outcome.LastByte;
                }
            }
        }
    }

    /// <summary>A target's connection, request and kept latencies (µs).</summary>
    private sealed class Side(string name, LoadConnection connection, EncodedRequest request)
    {
        private readonly List<double> _latencies = [];
        private readonly List<double> _turnarounds = [];
        private long _errors;

        public LoadConnection Connection => connection;

        public EncodedRequest Request => request;

        public void Record(RequestOutcome outcome, long previousLastByte)
        {
            if (outcome.Error != ErrorKind.None || outcome.Sent == 0 || outcome.LastByte == 0 || !request.Spec.IsExpected(outcome.Status))
            {
                _errors++;
                return;
            }

            _latencies.Add(Micros(outcome.LastByte - outcome.Sent));
            if (previousLastByte != 0)
            {
                _turnarounds.Add(Micros(outcome.Sent - previousLastByte));
            }
        }

        public DuetSample Summary()
        {
            _latencies.Sort();
            _turnarounds.Sort();
            return new DuetSample(
                name,
                _latencies.Count + _errors,
                _errors,
                Quantile(_latencies, 0.50),
                Quantile(_latencies, 0.99),
                _latencies.Count > 0 ? _latencies.Average() : 0,
                Quantile(_turnarounds, 0.50));
        }

        private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

        /// <summary>The nearest-rank quantile of sorted values; 0 when there are none.</summary>
        private static double Quantile(List<double> sorted, double q) =>
            sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
