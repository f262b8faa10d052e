using System.Buffers;
using System.Text;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Fuzz;

/// <summary>
/// <see cref="RequestParser"/>: <see cref="BadHttpRequestException"/> is its only rejection; whole and read by read,
/// the input must end the same way (the same head, the same reason, the same bytes consumed).
/// </summary>
internal static class RequestTarget
{
    /// <summary>Small limits, so inputs of a few hundred bytes reach the limit checks; the code paths are the defaults'.</summary>
    private static readonly ProxyLimits Limits = new() { MaxRequestLineBytes = 256, MaxRequestHeaderBytes = 1024 };

    public static void Run(byte[] input)
    {
        var whole = Parse(input, Reads.Whole);
        var incremental = Parse(input, Reads.Incremental);
        FuzzFailure.Unless(whole == incremental, $"whole input: {whole}; read by read: {incremental}");
    }

    private static string Parse(byte[] input, Func<byte[], Reads.Step, long> feed)
    {
        using var head = new RequestHead();
        head.Reset();
        var done = false;
        long consumed;
        try
        {
            consumed = feed(input, (ref SequenceReader<byte> reader) => done = RequestParser.TryParse(ref reader, head, Limits));
        }
        catch (BadHttpRequestException rejected)
        {
            FuzzFailure.Unless(rejected.StatusCode is 400 or 414 or 431 or 501, $"status {rejected.StatusCode}");
            return $"rejected {rejected.Reason}";
        }

        FuzzFailure.Unless(consumed <= input.Length, "consumed more than the input");
        return done ? $"accepted after {consumed} bytes: {Describe(head)}" : $"incomplete after {consumed} bytes";
    }

    private static string Describe(RequestHead head)
    {
        FuzzFailure.Unless(head.Method.Length > 0 && head.Target.Length > 0, "empty method or target");
        FuzzFailure.Unless(head.HeaderBytes <= Limits.MaxRequestHeaderBytes, "header bytes over the limit");
        FuzzFailure.Unless(!head.IsChunked || (head.IsHttp11 && head.ContentLength < 0), "chunked with a length or in HTTP/1.0");
        FuzzFailure.Unless(head.HostCount == 1 || (head.HostCount == 0 && !head.IsHttp11), $"{head.HostCount} Host fields");
        var text = new StringBuilder();
        text.Append(Encoding.Latin1.GetString(head.Method)).Append(' ').Append(Encoding.Latin1.GetString(head.Target))
            .Append(head.IsHttp11 ? " 1.1" : " 1.0").Append(" length=").Append(head.ContentLength).Append(" chunked=").Append(head.IsChunked)
            .Append(" keep-alive=").Append(head.KeepAlive).Append(" expect=").Append(head.ExpectContinue)
            .Append(" origin=").Append(head.OriginIndex).Append(" id=").Append(head.RequestIdIndex);
        for (var i = 0; i < head.Buffer.Count; i++)
        {
            var name = head.Buffer.Name(i);
            var value = head.Buffer.Value(i);
            FuzzFailure.Unless(name.Length > 0 && value.IndexOfAny("\r\n\0"u8) < 0, $"field {i} has an empty name or a control in its value");
            text.Append(" | ").Append(Encoding.Latin1.GetString(name)).Append(": ").Append(Encoding.Latin1.GetString(value));
        }

        return text.ToString();
    }
}
