namespace CorsLab.Load.Scenarios;

/// <summary>The origin's listeners, and an address on 127.0.0.1 where nothing listens (for the errors scenario).</summary>
public sealed record OriginUrls(Uri Http, Uri? Https, Uri Refused);
