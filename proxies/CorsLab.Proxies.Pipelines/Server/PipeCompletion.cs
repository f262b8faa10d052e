using System.IO.Pipelines;

namespace CorsLab.Proxies.Pipelines.Server;

/// <summary>Completes a pipe pair whose stream is already closed: unflushed bytes have nowhere to go and are dropped.</summary>
internal static class PipeCompletion
{
    public static void Complete(PipeReader reader, PipeWriter writer)
    {
        reader.Complete();
        try
        {
            writer.Complete();
        }
        catch (Exception error) when (error is ObjectDisposedException or IOException)
        {
            // A StreamPipeWriter flushes on Complete; after an abort the stream is gone, which is the point.
        }
    }
}
