using CorsLab.Results;

namespace CorsLab.Load.Engine;

/// <summary>
/// A load model with its two phases: a warm-up (samples discarded) then the measured phase. Every phase ends
/// by itself: at its duration or at <see cref="MaxRequests"/>, whichever comes first. Immutable; invalid values
/// throw where they are set.
/// </summary>
public sealed record LoadModel
{
    private readonly int _connections = 32;
    private readonly double? _rate;
    private readonly double? _rateTo;
    private readonly int? _concurrency;
    private readonly TimeSpan _warmup = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _duration = TimeSpan.FromSeconds(10);
    private readonly long _maxRequests = 10_000_000;
    private readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(10);

    public required LoadModelKind Kind { get; init; }

    /// <summary>Keep-alive connections (the controlled variable). 32 is wrk's usual comparison point; ignored by
    /// <see cref="LoadModelKind.Concurrency"/>, which opens one per request in flight.</summary>
    public int Connections
    {
        get => Kind == LoadModelKind.Concurrency ? Concurrency ?? _connections : _connections;
        init => _connections = InRange(value, 1, 10_000, nameof(Connections));
    }

    /// <summary>Requests per second (open models); the starting rate of a ramp.</summary>
    public double? Rate
    {
        get => _rate;
        init => _rate = value is { } v ? InRange(v, 0.01, 10_000_000, nameof(Rate)) : null;
    }

    /// <summary>The rate a ramp ends at.</summary>
    public double? RateTo
    {
        get => _rateTo;
        init => _rateTo = value is { } v ? InRange(v, 0.0, 10_000_000, nameof(RateTo)) : null;
    }

    /// <summary>Requests in flight (closed model <see cref="LoadModelKind.Concurrency"/>).</summary>
    public int? Concurrency
    {
        get => _concurrency;
        init => _concurrency = value is { } v ? InRange(v, 1, 10_000, nameof(Concurrency)) : null;
    }

    /// <summary>Warm-up before the measured phase, over the same connections; zero for none. Default 1 s.</summary>
    public TimeSpan Warmup
    {
        get => _warmup;
        init => _warmup = value >= TimeSpan.Zero && value <= TimeSpan.FromHours(1) ? value : throw new ArgumentOutOfRangeException(nameof(Warmup), value, "0 to 1 h");
    }

    /// <summary>The measured phase's length. Default 10 s.</summary>
    public TimeSpan Duration
    {
        get => _duration;
        init => _duration = value > TimeSpan.Zero && value <= TimeSpan.FromHours(1) ? value : throw new ArgumentOutOfRangeException(nameof(Duration), value, "above 0, at most 1 h");
    }

    /// <summary>The most requests one phase issues. Default 10 million: a bound, not a target.</summary>
    public long MaxRequests
    {
        get => _maxRequests;
        init => _maxRequests = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRequests), value, "above 0");
    }

    /// <summary>A request still unanswered after this ends with error <c>timeout</c> and its connection is
    /// replaced. 10 s: well past any scenario's designed latency (the slowest, /delay/200, takes 0.2 s).</summary>
    public TimeSpan RequestTimeout
    {
        get => _requestTimeout;
        init => _requestTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(RequestTimeout), value, "above 0");
    }

    public bool IsOpen => Kind is LoadModelKind.ConstantRate or LoadModelKind.RampRate;

    public string KindName => LoadModelKinds.Name(Kind);

    /// <summary>Checks the combination (each value was checked as it was set).</summary>
    public LoadModel Validate()
    {
        switch (Kind)
        {
            case LoadModelKind.ConstantRate when Rate is null:
                throw new ArgumentException("constant-rate needs a rate");
            case LoadModelKind.RampRate when Rate is null || RateTo is null:
                throw new ArgumentException("ramp-rate needs a rate and a rate-to");
            case LoadModelKind.Concurrency when Concurrency is null:
                throw new ArgumentException("concurrency needs a concurrency");
        }

        return this;
    }

    public LoadModelSettings ToSettings() => new(
        KindName,
        Connections,
        IsOpen ? Rate : null,
        Kind == LoadModelKind.RampRate ? RateTo : null,
        Kind == LoadModelKind.Concurrency ? Concurrency : null,
        Warmup.TotalSeconds,
        Duration.TotalSeconds,
        MaxRequests);

    private static T InRange<T>(T value, T min, T max, string name)
        where T : IComparable<T> =>
        value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{min} to {max}");
}
