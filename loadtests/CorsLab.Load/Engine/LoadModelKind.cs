namespace CorsLab.Load.Engine;

/// <summary>How requests are issued. Open models schedule by the clock; closed models wait for responses.</summary>
public enum LoadModelKind
{
    /// <summary>Open: a fixed rate; latency counts from the intended send time (coordinated omission corrected).</summary>
    ConstantRate,

    /// <summary>Open: the rate ramps linearly from <see cref="LoadModel.Rate"/> to <see cref="LoadModel.RateTo"/>.</summary>
    RampRate,

    /// <summary>Closed: N requests in flight, each on its own keep-alive connection.</summary>
    Concurrency,

    /// <summary>Closed: as fast as <see cref="LoadModel.Connections"/> keep-alive connections allow (capacity).</summary>
    Max,
}

public static class LoadModelKinds
{
    public static string Name(LoadModelKind kind) => kind switch
    {
        LoadModelKind.ConstantRate => "constant-rate",
        LoadModelKind.RampRate => "ramp-rate",
        LoadModelKind.Concurrency => "concurrency",
        LoadModelKind.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<LoadModelKind>().Select(Name).ToArray();

    public static bool TryParse(string name, out LoadModelKind kind)
    {
        foreach (var candidate in Enum.GetValues<LoadModelKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
