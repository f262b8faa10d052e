using System.Buffers;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>
/// Parses an upstream's response head (RFC 9112 §4–§6) with the same line discipline as
/// <see cref="RequestParser"/>: false when more bytes are needed, <see cref="InvalidUpstreamResponseException"/>
/// for anything malformed. Framing doubts are recorded in <see cref="ResponseHead.FramingError"/> and judged
/// by <see cref="BodyFraming.ForResponse"/>, since they depend on the request method and status.
/// </summary>
internal static class ResponseHeadParser
{
    public static bool TryParse(ref SequenceReader<byte> reader, ResponseHead head, int maxHeadBytes)
    {
        while (true)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                if (head.HeadBytes + reader.Remaining > maxHeadBytes)
                {
                    HttpThrow.InvalidResponse("response head too large");
                }

                return false;
            }

            head.HeadBytes += (int)Math.Min(line.Length + 1, int.MaxValue / 2);
            if (head.HeadBytes > maxHeadBytes)
            {
                HttpThrow.InvalidResponse("response head too large");
            }

            if (!head.StatusLineDone)
            {
                var start = head.Buffer.Append(line);
                ParseStatusLine(head, start, (int)line.Length);
                head.StatusLineDone = true;
                continue;
            }

            if (line.Length == 1 && line.FirstSpan[0] == (byte)'\r')
            {
                if (head.HasTransferEncoding && head.ContentLength >= 0)
                {
                    head.FramingError = "both Content-Length and Transfer-Encoding";
                }

                return true;
            }

            var fieldStart = head.Buffer.Append(line);
            ParseHeader(head, fieldStart, (int)line.Length);
        }
    }

    private static void ParseStatusLine(ResponseHead head, int start, int length)
    {
        var line = head.Buffer.Span(start, length);
        if (line.IsEmpty || line[^1] != (byte)'\r' || line.Length < 13)
        {
            HttpThrow.InvalidResponse("malformed status line");
        }

        var content = line[..^1];
        if (content.IndexOfAny((byte)'\r', (byte)0) >= 0 || !content.StartsWith("HTTP/1."u8) || content[8] != (byte)' ')
        {
            HttpThrow.InvalidResponse("malformed status line");
        }

        head.IsHttp11 = content[7] == (byte)'1';
        if (!head.IsHttp11 && content[7] != (byte)'0')
        {
            HttpThrow.InvalidResponse("unsupported HTTP version");
        }

        var code = content.Slice(9, 3);
        if (!char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2])
            || code[0] == (byte)'0' || (content.Length > 12 && content[12] != (byte)' '))
        {
            HttpThrow.InvalidResponse("malformed status code");
        }

        head.StatusCode = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
        head.ReasonStart = start + Math.Min(content.Length, 13);
        head.ReasonLength = Math.Max(0, content.Length - 13);
    }

    private static void ParseHeader(ResponseHead head, int start, int length)
    {
        var line = head.Buffer.Span(start, length);
        if (HeaderLine.TryParse(line, out var relative) is { } reason)
        {
            HttpThrow.InvalidResponse($"invalid response header ({reason})");
        }

        var index = head.Buffer.Count;
        head.Buffer.Add(new HeaderField(start + relative.NameStart, relative.NameLength, start + relative.ValueStart, relative.ValueLength));
        var name = head.Buffer.Name(index);
        var value = head.Buffer.Value(index);
        switch (name.Length)
        {
            case 10 when HttpSyntax.NameIs(name, HttpSyntax.Connection):
                head.HasConnectionHeader = true;
                head.ConnectionClose |= HttpSyntax.ListContains(value, HttpSyntax.Close);
                head.ConnectionKeepAlive |= HttpSyntax.ListContains(value, HttpSyntax.KeepAlive);
                break;
            case 14 when HttpSyntax.NameIs(name, HttpSyntax.ContentLength):
                if (head.ContentLength >= 0)
                {
                    head.FramingError = "duplicate Content-Length";
                }
                else if (!HttpSyntax.TryParseLength(value, out var contentLength))
                {
                    head.FramingError = "invalid Content-Length";
                }
                else
                {
                    head.ContentLength = contentLength;
                }

                break;
            case 17 when HttpSyntax.NameIs(name, HttpSyntax.TransferEncoding):
                if (head.HasTransferEncoding)
                {
                    head.FramingError = "repeated Transfer-Encoding";
                }

                head.HasTransferEncoding = true;
                head.IsChunked = HttpSyntax.NameIs(value, HttpSyntax.Chunked);
                if (!head.IsChunked)
                {
                    head.FramingError = "a Transfer-Encoding other than chunked";
                }

                break;
        }
    }
}
