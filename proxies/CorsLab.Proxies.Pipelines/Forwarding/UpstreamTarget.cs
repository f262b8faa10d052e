using System.Buffers;
using System.Text;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Pipelines.Upstream;

namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>
/// The current request's target as the upstream request line and <c>Host</c> field need it: Core's
/// <see cref="TargetUrl"/> copied as Latin-1 bytes into a pooled per-connection array, and its pool key, kept
/// while the connection asks for the same scheme, host and port (a keep-alive client's steady state). One per
/// client connection, reused for every request, so a request allocates nothing here.
/// </summary>
internal sealed class UpstreamTarget : IDisposable
{
    /// <summary>Host plus path-and-query of a typical API url; larger ones grow the array.</summary>
    private const int InitialBytes = 512;

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private int _hostLength;
    private int _pathAndQueryLength;

    public PoolKey Key { get; private set; }

    /// <summary><see cref="Uri.IsDefaultPort"/>: the Host field then carries no port.</summary>
    public bool IsDefaultPort { get; private set; }

    /// <summary><see cref="TargetUrl.Host"/> as bytes: lower-case ASCII (punycode for an internationalised name), IPv6 in brackets.</summary>
    public ReadOnlySpan<byte> Host => _bytes.AsSpan(0, _hostLength);

    /// <summary><see cref="Uri.PathAndQuery"/> as bytes: what follows the method on the request line.</summary>
    public ReadOnlySpan<byte> PathAndQuery => _bytes.AsSpan(_hostLength, _pathAndQueryLength);

    public void Set(TargetUrl url)
    {
        var needed = url.Host.Length + url.PathAndQuery.Length;
        if (_bytes.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(needed);
        }

        // Latin-1: the host is ASCII already; a path outside Latin-1 was written as '?' before as well (HeadWriter.Latin1).
        _hostLength = Encoding.Latin1.GetBytes(url.Host, _bytes);
        _pathAndQueryLength = Encoding.Latin1.GetBytes(url.PathAndQuery, _bytes.AsSpan(_hostLength));
        IsDefaultPort = url.IsDefaultPort;
        var key = Key;
        if (key.Host is null || key.Port != url.Port || key.Https != url.IsHttps || !url.Host.SequenceEqual(key.Host))
        {
            Key = new PoolKey(url.Host.ToString(), url.Port, url.IsHttps);
        }
    }

    /// <summary>The absolute url (without fragment), for telemetry only: it allocates.</summary>
    public string Describe()
    {
        var port = IsDefaultPort ? string.Empty : ":" + Key.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{(Key.Https ? "https" : "http")}://{Key.Host}{port}{Encoding.Latin1.GetString(PathAndQuery)}";
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }
}
