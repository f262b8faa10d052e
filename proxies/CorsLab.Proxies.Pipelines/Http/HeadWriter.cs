using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>Writes head lines into a <see cref="PipeWriter"/>'s own memory; chars only where Core hands them over.</summary>
internal static class HeadWriter
{
    public static void Header(PipeWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var length = name.Length + value.Length + 4;
        var span = writer.GetSpan(length);
        name.CopyTo(span);
        span[name.Length] = (byte)':';
        span[name.Length + 1] = (byte)' ';
        value.CopyTo(span[(name.Length + 2)..]);
        span[length - 2] = (byte)'\r';
        span[length - 1] = (byte)'\n';
        writer.Advance(length);
    }

    /// <summary>Latin-1, so a value that came in as bytes (an Origin) goes out as the same bytes.</summary>
    public static void Header(PipeWriter writer, string name, ReadOnlySpan<char> value)
    {
        var length = name.Length + value.Length + 4;
        var span = writer.GetSpan(length);
        Encoding.Latin1.GetBytes(name, span);
        span[name.Length] = (byte)':';
        span[name.Length + 1] = (byte)' ';
        Encoding.Latin1.GetBytes(value, span[(name.Length + 2)..]);
        span[length - 2] = (byte)'\r';
        span[length - 1] = (byte)'\n';
        writer.Advance(length);
    }

    public static void Header(PipeWriter writer, ReadOnlySpan<byte> name, long number)
    {
        var span = writer.GetSpan(name.Length + 24);
        name.CopyTo(span);
        span[name.Length] = (byte)':';
        span[name.Length + 1] = (byte)' ';
        Utf8Formatter.TryFormat(number, span[(name.Length + 2)..], out var digits);
        var end = name.Length + 2 + digits;
        span[end] = (byte)'\r';
        span[end + 1] = (byte)'\n';
        writer.Advance(end + 2);
    }

    public static void Number(PipeWriter writer, long number)
    {
        var span = writer.GetSpan(20);
        Utf8Formatter.TryFormat(number, span, out var digits);
        writer.Advance(digits);
    }

    public static void EndOfHead(PipeWriter writer) => writer.Write("\r\n"u8);
}
