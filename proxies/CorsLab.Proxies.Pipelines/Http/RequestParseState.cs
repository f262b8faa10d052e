namespace CorsLab.Proxies.Pipelines.Http;

internal enum RequestParseState
{
    RequestLine,
    Headers,
    Done,
}
