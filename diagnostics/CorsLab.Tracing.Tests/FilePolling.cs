namespace CorsLab.Tracing.Tests;

/// <summary>
/// Exporters batch and send on their own schedule: tests poll the receiver's file until what they wait for is there,
/// within a generous deadline, instead of sleeping a guessed time.
/// </summary>
internal static class FilePolling
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<T>> WaitForAsync<T>(string path, Func<IReadOnlyList<T>, bool> done)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        IReadOnlyList<T> records = [];
        while (!deadline.IsCancellationRequested)
        {
            records = await JsonLinesFile.ReadAsync<T>(path, CancellationToken.None);
            if (done(records))
            {
                return records;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"{path}: {records.Count} records after {Deadline.TotalSeconds:0} s, not the ones awaited");
    }
}
