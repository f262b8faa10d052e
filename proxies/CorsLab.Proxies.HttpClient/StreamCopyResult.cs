namespace CorsLab.Proxies.HttpClient;

/// <summary>How a body copy ended, naming the side that failed, as YARP's StreamCopyResult does.</summary>
internal enum StreamCopyResult
{
    Completed,
    SourceFailed,
    DestinationFailed,
    IdleTimeout,
    Canceled,
}
