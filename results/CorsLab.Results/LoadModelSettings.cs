namespace CorsLab.Results;

/// <summary>
/// The load model a phase ran under, as data. <see cref="Kind"/> is <c>constant-rate</c>, <c>ramp-rate</c>
/// (open: <see cref="Rate"/> to <see cref="RateTo"/> per second), <c>concurrency</c> (closed: <see cref="Concurrency"/>
/// in flight) or <c>max</c> (closed, as fast as <see cref="Connections"/> allow).
/// </summary>
public sealed record LoadModelSettings(
    string Kind,
    int Connections,
    double? Rate,
    double? RateTo,
    int? Concurrency,
    double WarmupSeconds,
    double DurationSeconds,
    long? MaxRequests);
