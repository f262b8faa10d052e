using System.IO.Pipelines;
using CorsLab.Protocol;

namespace CorsLab.Origin.Endpoints;

/// <summary>Writes <see cref="OriginPayload"/> bytes straight from its table: no buffer per request.</summary>
internal static class PayloadWriter
{
    /// <summary>
    /// Writes <paramref name="count"/> payload bytes from body offset <paramref name="offset"/>, in writes of at most
    /// <paramref name="chunk"/> bytes, each flushed. Stops quietly when the client goes away.
    /// </summary>
    public static async Task WriteAsync(PipeWriter writer, long offset, long count, int chunk, CancellationToken aborted)
    {
        while (count > 0 && !aborted.IsCancellationRequested)
        {
            var slice = OriginPayload.Slice(offset, Math.Min(count, chunk));
            var result = await writer.WriteAsync(slice, aborted);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }

            offset += slice.Length;
            count -= slice.Length;
        }
    }
}
