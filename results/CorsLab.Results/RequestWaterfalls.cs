namespace CorsLab.Results;

/// <summary>
/// The median and the p99 request of a phase's joined sample, ranked by the client's time from send to last byte.
/// The send is when the request really went out, not its intended time under open load: the waterfall shows where a
/// request's time went after it left the load client, which the pacer's lateness (<c>sendLateness</c>) is no part of.
/// </summary>
/// <param name="Requests">How many joined requests were ranked: <see cref="P99"/> is one of the slowest few when this is small, so readers quote it only when the sample supports a p99.</param>
public sealed record RequestWaterfalls(long Requests, RequestWaterfall Median, RequestWaterfall P99);
