namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>The upstream sent a response this engine will not relay (bad head, ambiguous framing, bad chunk).</summary>
internal sealed class InvalidUpstreamResponseException(string message) : IOException(message);
