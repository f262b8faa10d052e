namespace CorsLab.Results;

/// <summary>What was measured: an engine (with its faults), an external proxy, or the origin itself.</summary>
/// <param name="Kind"><see cref="TargetKinds"/>.</param>
/// <param name="Template">The URL template requests went through; <c>{url}</c> for the upstream URL.</param>
public sealed record TargetInfo(string Name, string Kind, string Template, IReadOnlyList<string> Faults);

public static class TargetKinds
{
    public const string Engine = "engine";
    public const string External = "external";

    /// <summary>The origin with no proxy in front: the reference every ratio is taken against.</summary>
    public const string Direct = "direct";
}
