using System.Buffers;

namespace CorsLab.Proxies.HttpClient;

/// <summary>Copies a body chunk by chunk, as it arrives, with an idle timeout between chunks.</summary>
internal static class StreamCopier
{
    public static async ValueTask<StreamCopyResult> CopyAsync(Stream source, Stream destination, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(UpstreamLimits.CopyBufferSize);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                idle.CancelAfter(idleTimeout);
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, idle.Token);
                }
                catch (Exception error) when (error is IOException or OperationCanceledException or HttpRequestException)
                {
                    return Classify(idle, cancellationToken, StreamCopyResult.SourceFailed);
                }

                if (read == 0)
                {
                    return StreamCopyResult.Completed;
                }

                try
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), idle.Token);
                }
                catch (Exception error) when (error is IOException or OperationCanceledException or InvalidOperationException)
                {
                    return Classify(idle, cancellationToken, StreamCopyResult.DestinationFailed);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static StreamCopyResult Classify(CancellationTokenSource idle, CancellationToken cancellationToken, StreamCopyResult otherwise)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return StreamCopyResult.Canceled;
        }

        return idle.IsCancellationRequested ? StreamCopyResult.IdleTimeout : otherwise;
    }
}
