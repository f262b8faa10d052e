using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>Writes chunked framing (RFC 9112 §7.1) straight into a <see cref="PipeWriter"/>: no extensions, no trailers.</summary>
internal static class ChunkedEncoder
{
    private static readonly StandardFormat Hex = new('X');

    public static void WriteChunk(PipeWriter writer, in ReadOnlySequence<byte> data)
    {
        var span = writer.GetSpan(18);
        Utf8Formatter.TryFormat(data.Length, span, out var written, Hex);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        writer.Advance(written + 2);
        foreach (var segment in data)
        {
            writer.Write(segment.Span);
        }

        writer.Write("\r\n"u8);
    }

    public static void WriteChunk(PipeWriter writer, ReadOnlySpan<byte> data)
    {
        var span = writer.GetSpan(18);
        Utf8Formatter.TryFormat(data.Length, span, out var written, Hex);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        writer.Advance(written + 2);
        writer.Write(data);
        writer.Write("\r\n"u8);
    }

    public static void WriteLastChunk(PipeWriter writer) => writer.Write("0\r\n\r\n"u8);
}
