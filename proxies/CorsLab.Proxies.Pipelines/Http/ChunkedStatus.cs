namespace CorsLab.Proxies.Pipelines.Http;

internal enum ChunkedStatus
{
    NeedMoreData,
    Data,
    Completed,
}
