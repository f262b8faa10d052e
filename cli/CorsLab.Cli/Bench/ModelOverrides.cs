using CorsLab.Load.Engine;

namespace CorsLab.Cli.Bench;

/// <summary>Command-line changes to every scenario's load model; null leaves the scenario's value.</summary>
internal sealed record ModelOverrides(
    LoadModelKind? Kind,
    int? Connections,
    double? Rate,
    double? RateTo,
    int? Concurrency,
    TimeSpan? Warmup,
    TimeSpan? Duration,
    long? MaxRequests)
{
    public static ModelOverrides None { get; } = new(null, null, null, null, null, null, null, null);

    public LoadModel Apply(LoadModel model)
    {
        var result = model with { Kind = Kind ?? model.Kind };
        if (Connections is { } connections)
        {
            result = result with { Connections = connections, Concurrency = result.Kind == LoadModelKind.Concurrency && Concurrency is null ? connections : result.Concurrency };
        }

        if (Rate is { } rate)
        {
            result = result with { Rate = rate };
        }

        if (RateTo is { } rateTo)
        {
            result = result with { RateTo = rateTo };
        }

        if (Concurrency is { } concurrency)
        {
            result = result with { Concurrency = concurrency };
        }

        if (Warmup is { } warmup)
        {
            result = result with { Warmup = warmup };
        }

        if (Duration is { } duration)
        {
            result = result with { Duration = duration };
        }

        if (MaxRequests is { } max)
        {
            result = result with { MaxRequests = max };
        }

        if (result.Kind == LoadModelKind.Concurrency && result.Concurrency is null)
        {
            result = result with { Concurrency = result.Connections };
        }

        if (result.Kind == LoadModelKind.RampRate && result.RateTo is null)
        {
            result = result with { RateTo = result.Rate };
        }

        return result.Validate();
    }
}
