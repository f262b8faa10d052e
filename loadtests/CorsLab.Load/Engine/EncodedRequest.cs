using System.Buffers.Text;
using System.Text;
using CorsLab.Protocol;

namespace CorsLab.Load.Engine;

/// <summary>
/// A <see cref="RequestSpec"/> as bytes, encoded once per phase: everything before the id and everything after
/// it, so sending a request is two copies and a number format, no allocation.
/// </summary>
internal sealed class EncodedRequest
{
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;

    public EncodedRequest(RequestSpec spec, string idTag)
    {
        Spec = spec;
        var head = new StringBuilder();
        head.Append(spec.Method).Append(' ').Append(spec.Url.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(spec.Url.IsDefaultPort ? spec.Url.IdnHost : $"{spec.Url.IdnHost}:{spec.Url.Port}").Append("\r\n");
        foreach (var (name, value) in spec.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append(CorrelationHeader.Name).Append(": ").Append(idTag);
        _prefix = Encoding.ASCII.GetBytes(head.ToString());

        var tail = new StringBuilder("\r\n");
        if (spec.BodyLength > 0 || spec.Method is "POST" or "PUT" or "PATCH")
        {
            tail.Append("Content-Length: ").Append(spec.BodyLength).Append("\r\n");
        }

        if (spec.ExpectContinue && spec.BodyLength > 0)
        {
            tail.Append("Expect: 100-continue\r\n");
        }

        if (spec.ConnectionClose)
        {
            tail.Append("Connection: close\r\n");
        }

        tail.Append("\r\n");
        _suffix = Encoding.ASCII.GetBytes(tail.ToString());
        IsHead = spec.Method == "HEAD";
    }

    public RequestSpec Spec { get; }

    public bool IsHead { get; }

    public int MaxLength => _prefix.Length + 20 + _suffix.Length;

    /// <summary>Writes the head with id <c>{tag}{ticket}</c>; returns its length.</summary>
    public int Write(Span<byte> destination, long ticket)
    {
        _prefix.CopyTo(destination);
        var length = _prefix.Length;
        Utf8Formatter.TryFormat(ticket, destination[length..], out var written);
        length += written;
        _suffix.CopyTo(destination[length..]);
        return length + _suffix.Length;
    }
}
