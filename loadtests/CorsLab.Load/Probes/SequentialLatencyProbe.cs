using System.Diagnostics;
using CorsLab.Load.Results;
using HdrHistogram;

namespace CorsLab.Load.Probes;

/// <summary>
/// Sequential small GETs, one connection per target, targets interleaved in rounds so a burst of
/// machine noise hits every target alike. A quick look, not a load test: one request in flight.
/// </summary>
public sealed class SequentialLatencyProbe(int requestsPerTarget, int warmupPerTarget, int rounds)
{
    public const string ScenarioName = "small-get-sequential";

    /// <summary>200 measured requests in 4 interleaved rounds after 20 warm-up requests per target.</summary>
    public static SequentialLatencyProbe Default { get; } = new(200, 20, 4);

    public async Task<IReadOnlyList<ScenarioMeasurement>> RunAsync(IReadOnlyList<LatencyTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var clients = targets.Select(_ => CreateClient()).ToArray();
        try
        {
            var histograms = targets.Select(_ => HistogramRecords.CreateMicroseconds()).ToArray();
            var errors = new long[targets.Count];
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
                    for (var r = 0; r < perRound && histograms[i].TotalCount + errors[i] < requestsPerTarget; r++)
                    {
                        if (await TimeOneAsync(clients[i], targets[i].Url, cancellationToken) is { } micros)
                        {
                            histograms[i].RecordValue(Math.Max(1, micros));
                        }
                        else
                        {
                            errors[i]++;
                        }
                    }
                }
            }

            var model = new LoadModelSettings("concurrency", Connections: 1, Rate: null, RateTo: null, Concurrency: 1, WarmupSeconds: 0, DurationSeconds: 0, MaxRequests: requestsPerTarget);
            return targets.Select((target, i) => new ScenarioMeasurement
            {
                Target = target.Name,
                Scenario = ScenarioName,
                Model = model,
                StartedUtc = started,
                ElapsedSeconds = clock.Elapsed.TotalSeconds,
                Requests = histograms[i].TotalCount + errors[i],
                Errors = errors[i] > 0 ? new Dictionary<string, long> { ["error"] = errors[i] } : new Dictionary<string, long>(),
                Latency = HistogramRecords.From(histograms[i]),
            }).ToArray();
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
    private static async Task<long?> TimeOneAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(start);
            return response.IsSuccessStatusCode ? (long)elapsed.TotalMicroseconds : null;
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
}
