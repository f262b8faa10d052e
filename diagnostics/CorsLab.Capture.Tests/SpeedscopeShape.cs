using System.Text.Json;

namespace CorsLab.Capture.Tests;

/// <summary>
/// The speedscope file-format schema's required shape, checked by hand: <c>$schema</c>, <c>shared.frames[].name</c>,
/// and each profile's <c>type</c>, <c>name</c>, <c>unit</c>, <c>startValue</c>, <c>endValue</c> with, for "sampled",
/// <c>samples</c> (frame index arrays) and <c>weights</c> of equal length, for "evented", <c>events</c>.
/// </summary>
internal static class SpeedscopeShape
{
    private static readonly string[] Units = ["none", "nanoseconds", "microseconds", "milliseconds", "seconds", "bytes"];

    /// <summary>Asserts the shape; returns the frame names.</summary>
    public static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(SpeedscopeWriter.Schema, root.GetProperty("$schema").GetString());
        var frames = root.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(frame => frame.GetProperty("name").GetString()!).ToArray();
        Assert.NotEmpty(frames);
        var profiles = root.GetProperty("profiles").EnumerateArray().ToArray();
        Assert.NotEmpty(profiles);
        foreach (var profile in profiles)
        {
            Assert.Contains(profile.GetProperty("unit").GetString(), Units);
            Assert.Equal(JsonValueKind.String, profile.GetProperty("name").ValueKind);
            var start = profile.GetProperty("startValue").GetDouble();
            var end = profile.GetProperty("endValue").GetDouble();
            Assert.True(end >= start);
            switch (profile.GetProperty("type").GetString())
            {
                case "sampled":
                    var samples = profile.GetProperty("samples").EnumerateArray().ToArray();
                    var weights = profile.GetProperty("weights").EnumerateArray().Select(weight => weight.GetDouble()).ToArray();
                    Assert.Equal(samples.Length, weights.Length);
                    Assert.All(samples, stack => Assert.All(stack.EnumerateArray(), index => Assert.InRange(index.GetInt32(), 0, frames.Length - 1)));
                    Assert.Equal(end - start, weights.Sum());
                    break;
                case "evented":
                    Assert.Equal(JsonValueKind.Array, profile.GetProperty("events").ValueKind);
                    break;
                default:
                    Assert.Fail($"profile type {profile.GetProperty("type")} is neither sampled nor evented");
                    break;
            }
        }

        return frames;
    }
}
