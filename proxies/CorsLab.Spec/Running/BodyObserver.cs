using System.Buffers;
using System.Diagnostics;
using CorsLab.Protocol;

namespace CorsLab.Spec.Running;

/// <summary>Reads a response body to its end, keeping a prefix, checking it against the payload and timing its first byte.</summary>
internal static class BodyObserver
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="body"/> into <paramref name="observed"/>. A failed read is recorded, not thrown;
    /// cancellation is thrown.
    /// </summary>
    public static async Task ReadAsync(Stream body, ObservedResponse observed, long headTimestamp, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await body.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(ex))
                {
                    observed.BodyError = OneLine(ex);
                    observed.BodyErrorAfter = Stopwatch.GetElapsedTime(headTimestamp);
                    return;
                }

                if (read == 0)
                {
                    return;
                }

                Observe(buffer.AsSpan(0, read), observed);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Observe(ReadOnlySpan<byte> chunk, ObservedResponse observed)
    {
        if (observed.BodyLength == 0)
        {
            observed.FirstBodyByteTimestamp = Stopwatch.GetTimestamp();
        }

        if (observed.PayloadMismatchAt is null && !OriginPayload.Matches(chunk, observed.BodyLength))
        {
            observed.PayloadMismatchAt = observed.BodyLength + FirstMismatch(chunk, observed.BodyLength);
        }

        var keep = (int)Math.Min(chunk.Length, ObservedResponse.KeptBodyBytes - observed.KeptBody.Length);
        if (keep > 0)
        {
            observed.KeptBody.Write(chunk[..keep]);
        }

        observed.BodyLength += chunk.Length;
    }

    private static int FirstMismatch(ReadOnlySpan<byte> chunk, long offset)
    {
        Span<byte> expected = stackalloc byte[1];
        for (var i = 0; i < chunk.Length; i++)
        {
            OriginPayload.Fill(expected, offset + i);
            if (expected[0] != chunk[i])
            {
                return i;
            }
        }

        return chunk.Length;
    }

    /// <summary>The failures of a connection going away mid-body (reset, premature end, bad framing).</summary>
    internal static bool IsTransportFailure(Exception ex) =>
        ex is IOException or HttpRequestException or System.Net.Sockets.SocketException or ObjectDisposedException;

    /// <summary>The exception's message, with its innermost cause, on one line.</summary>
    internal static string OneLine(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var text = ReferenceEquals(inner, ex) ? ex.Message : $"{ex.Message} ({inner.Message})";
        return text.ReplaceLineEndings(" ");
    }
}
