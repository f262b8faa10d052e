using System.Buffers;
using CorsLab.Proxies.Core;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>
/// The HTTP/1.1 request-head parser (RFC 9112 §2–§6), after Kestrel's <c>HttpParser</c>: it reads complete
/// lines from a <c>ref SequenceReader&lt;byte&gt;</c>, returns false when it needs more bytes (consuming only
/// whole lines, so it resumes where it stopped) and throws <see cref="BadHttpRequestException"/> to reject.
/// Limits are enforced before a line is parsed: an over-long line is refused without being copied.
/// Each accepted line is copied once into the head's <see cref="HeadBuffer"/>; nothing is allocated.
/// </summary>
internal static class RequestParser
{
    public static bool TryParse(ref SequenceReader<byte> reader, RequestHead head, ProxyLimits limits)
    {
        while (head.State == RequestParseState.RequestLine)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                // +1 for the CR the limit does not count.
                if (reader.Remaining > limits.MaxRequestLineBytes + 1)
                {
                    HttpThrow.Reject(RequestRejectionReason.RequestLineTooLong);
                }

                return false;
            }

            if (line.Length == 1 && line.FirstSpan[0] == (byte)'\r')
            {
                // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request-line.
                continue;
            }

            if (line.Length > limits.MaxRequestLineBytes + 1)
            {
                HttpThrow.Reject(RequestRejectionReason.RequestLineTooLong);
            }

            var start = head.Buffer.Append(line);
            ParseRequestLine(head, start, (int)line.Length);
            head.State = RequestParseState.Headers;
        }

        while (head.State == RequestParseState.Headers)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                if (head.HeaderBytes + reader.Remaining > limits.MaxRequestHeaderBytes)
                {
                    HttpThrow.Reject(RequestRejectionReason.HeadersTooLarge);
                }

                return false;
            }

            head.HeaderBytes += (int)Math.Min(line.Length + 1, int.MaxValue / 2);
            if (head.HeaderBytes > limits.MaxRequestHeaderBytes)
            {
                HttpThrow.Reject(RequestRejectionReason.HeadersTooLarge);
            }

            if (line.Length == 1 && line.FirstSpan[0] == (byte)'\r')
            {
                ValidateFraming(head);
                head.State = RequestParseState.Done;
                return true;
            }

            var start = head.Buffer.Append(line);
            ParseHeader(head, start, (int)line.Length);
        }

        return head.State == RequestParseState.Done;
    }

    private static void ParseRequestLine(RequestHead head, int start, int length)
    {
        var line = head.Buffer.Span(start, length);
        if (line.IsEmpty || line[^1] != (byte)'\r')
        {
            HttpThrow.Reject(RequestRejectionReason.BareLineFeed, line);
        }

        var content = line[..^1];
        var special = content.IndexOfAny((byte)'\r', (byte)0);
        if (special >= 0)
        {
            HttpThrow.Reject(content[special] == 0 ? RequestRejectionReason.NulInHead : RequestRejectionReason.BareCarriageReturn, content);
        }

        var firstSpace = content.IndexOf((byte)' ');
        var lastSpace = content.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1
            || content[..firstSpace].IndexOfAnyExcept(HttpSyntax.TokenChars) >= 0
            || content[(firstSpace + 1)..lastSpace].IndexOfAny(HttpSyntax.InvalidTargetBytes) >= 0)
        {
            HttpThrow.Reject(RequestRejectionReason.InvalidRequestLine, content);
        }

        var version = content[(lastSpace + 1)..];
        if (version.SequenceEqual(HttpSyntax.Http11))
        {
            head.IsHttp11 = true;
        }
        else if (!version.SequenceEqual(HttpSyntax.Http10))
        {
            HttpThrow.Reject(RequestRejectionReason.InvalidHttpVersion, content);
        }

        head.MethodStart = start;
        head.MethodLength = firstSpace;
        head.TargetStart = start + firstSpace + 1;
        head.TargetLength = lastSpace - firstSpace - 1;
    }

    private static void ParseHeader(RequestHead head, int start, int length)
    {
        var line = head.Buffer.Span(start, length);
        if (HeaderLine.TryParse(line, out var relative) is { } reason)
        {
            HttpThrow.Reject(reason, line);
        }

        var field = new HeaderField(start + relative.NameStart, relative.NameLength, start + relative.ValueStart, relative.ValueLength);
        var index = head.Buffer.Count;
        head.Buffer.Add(field);
        var name = head.Buffer.Name(index);
        var value = head.Buffer.Value(index);

        // Dispatch on length first: one compare for most headers, which match none of these.
        switch (name.Length)
        {
            case 4 when HttpSyntax.NameIs(name, HttpSyntax.Host):
                head.HostCount++;
                break;
            case 6 when HttpSyntax.NameIs(name, HttpSyntax.Origin):
                head.OriginIndex = index;
                break;
            case 6 when HttpSyntax.NameIs(name, HttpSyntax.Expect):
                head.ExpectContinue |= HttpSyntax.ListContains(value, HttpSyntax.Continue100);
                break;
            case 10 when HttpSyntax.NameIs(name, HttpSyntax.Connection):
                head.HasConnectionHeader = true;
                head.ConnectionClose |= HttpSyntax.ListContains(value, HttpSyntax.Close);
                head.ConnectionKeepAlive |= HttpSyntax.ListContains(value, HttpSyntax.KeepAlive);
                break;
            case 14 when HttpSyntax.NameIs(name, HttpSyntax.ContentLength):
                if (head.ContentLength >= 0)
                {
                    HttpThrow.Reject(RequestRejectionReason.DuplicateContentLength, line);
                }

                if (!HttpSyntax.TryParseLength(value, out var contentLength))
                {
                    HttpThrow.Reject(RequestRejectionReason.InvalidContentLength, line);
                }

                head.ContentLength = contentLength;
                break;
            case 17 when HttpSyntax.NameIs(name, HttpSyntax.TransferEncoding):
                head.HasTransferEncoding = true;
                CountCodings(head, value);
                break;
            case var nameLength when nameLength == HttpSyntax.RequestId.Length && HttpSyntax.NameIs(name, HttpSyntax.RequestId):
                head.RequestIdIndex = index;
                break;
        }
    }

    private static void CountCodings(RequestHead head, ReadOnlySpan<byte> value)
    {
        while (true)
        {
            var comma = value.IndexOf((byte)',');
            var coding = HttpSyntax.TrimWhitespace(comma < 0 ? value : value[..comma]);
            if (!coding.IsEmpty)
            {
                var chunked = HttpSyntax.NameIs(coding, HttpSyntax.Chunked);
                head.ChunkedCodings += chunked ? 1 : 0;
                head.OtherCodings += chunked ? 0 : 1;
                head.LastCodingChunked = chunked;
            }

            if (comma < 0)
            {
                return;
            }

            value = value[(comma + 1)..];
        }
    }

    /// <summary>RFC 9112 §6.1–§6.3: exactly one way to find the body's end, or the request is refused.</summary>
    private static void ValidateFraming(RequestHead head)
    {
        if (head.HasTransferEncoding)
        {
            if (head.ContentLength >= 0)
            {
                HttpThrow.Reject(RequestRejectionReason.ContentLengthWithTransferEncoding);
            }

            if (!head.IsHttp11)
            {
                HttpThrow.Reject(RequestRejectionReason.TransferEncodingInHttp10);
            }

            if (!head.LastCodingChunked || head.ChunkedCodings != 1)
            {
                HttpThrow.Reject(RequestRejectionReason.FinalCodingNotChunked);
            }

            if (head.OtherCodings > 0)
            {
                // gzip etc. under chunked: re-chunking would strip the coding's label; RFC 9112 §6.1 says 501.
                HttpThrow.Reject(RequestRejectionReason.UnsupportedTransferCoding);
            }

            head.IsChunked = true;
        }

        if (head.HostCount > 1)
        {
            HttpThrow.Reject(RequestRejectionReason.DuplicateHost);
        }

        if (head.IsHttp11 && head.HostCount == 0)
        {
            HttpThrow.Reject(RequestRejectionReason.MissingHost);
        }
    }
}
