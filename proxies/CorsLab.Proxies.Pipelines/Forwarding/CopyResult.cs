namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>How a body copy ended, naming the side that failed (YARP's StreamCopyResult).</summary>
internal enum CopyResult
{
    Completed,
    SourceFailed,
    DestinationFailed,
    IdleTimeout,
}
