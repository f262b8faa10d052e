using System.Diagnostics;

namespace CorsLab.Load.Probes;

/// <summary>
/// Sequential small GETs, one connection per target, targets interleaved in rounds so a burst of
/// machine noise hits every target alike. A quick look, not a load test: one request in flight.
/// </summary>
public sealed class SequentialLatencyProbe(int requestsPerTarget, int warmupPerTarget, int rounds)
{
    /// <summary>200 measured requests in 4 interleaved rounds after 20 warm-up requests per target.</summary>
    public static SequentialLatencyProbe Default { get; } = new(200, 20, 4);

    public async Task<IReadOnlyList<LatencySummary>> RunAsync(IReadOnlyList<LatencyTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var clients = targets.Select(_ => CreateClient()).ToArray();
        try
        {
            var samples = targets.Select(_ => new List<double>(requestsPerTarget)).ToArray();
            var errors = new int[targets.Count];
            for (var i = 0; i < targets.Count; i++)
            {
                for (var w = 0; w < warmupPerTarget; w++)
                {
                    await TimeOneAsync(clients[i], targets[i].Url, cancellationToken);
                }
            }

            var perRound = (requestsPerTarget + rounds - 1) / rounds;
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < targets.Count; i++)
                {
                    for (var r = 0; r < perRound && samples[i].Count + errors[i] < requestsPerTarget; r++)
                    {
                        var micros = await TimeOneAsync(clients[i], targets[i].Url, cancellationToken);
                        if (micros is { } value)
                        {
                            samples[i].Add(value);
                        }
                        else
                        {
                            errors[i]++;
                        }
                    }
                }
            }

            return targets.Select((target, i) => Summarise(target.Name, samples[i], errors[i])).ToArray();
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static HttpClient CreateClient() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1 })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <returns>Microseconds from send to the last body byte, or null on an error status or exception.</returns>
    private static async Task<double?> TimeOneAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(start);
            return response.IsSuccessStatusCode ? elapsed.TotalMicroseconds : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static LatencySummary Summarise(string name, List<double> samples, int errors)
    {
        samples.Sort();
        return new LatencySummary(name, samples.Count + errors, errors, Percentile(samples, 0.50), Percentile(samples, 0.90), Percentile(samples, 0.99), samples.Count == 0 ? double.NaN : samples[^1]);
    }

    /// <summary>Nearest-rank percentile over sorted samples; NaN when there are none.</summary>
    internal static double Percentile(List<double> sorted, double quantile)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
