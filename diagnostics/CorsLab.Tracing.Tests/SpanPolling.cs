namespace CorsLab.Tracing.Tests;

/// <summary>
/// Exporters batch and send on their own schedule: tests poll the span file until what they wait for is there,
/// within a generous deadline, instead of sleeping a guessed time.
/// </summary>
internal static class SpanPolling
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<SpanRecord>> WaitForAsync(string path, Func<IReadOnlyList<SpanRecord>, bool> done)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        IReadOnlyList<SpanRecord> spans = [];
        while (!deadline.IsCancellationRequested)
        {
            spans = await SpanFile.ReadAsync(path, CancellationToken.None);
            if (done(spans))
            {
                return spans;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"{path}: {spans.Count} spans after {Deadline.TotalSeconds:0} s, not the ones awaited: {string.Join(", ", spans.Select(s => s.Name))}");
    }
}
