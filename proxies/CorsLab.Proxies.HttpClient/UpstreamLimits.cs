namespace CorsLab.Proxies.HttpClient;

internal static class UpstreamLimits
{
    /// <summary>YARP's StreamCopier uses 64 KB: large enough for throughput, small enough to stream promptly.</summary>
    public const int CopyBufferSize = 64 * 1024;
}
