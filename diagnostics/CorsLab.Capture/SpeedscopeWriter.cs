using System.Text.Json;

namespace CorsLab.Capture;

/// <summary>
/// Writes sampled stacks as a speedscope file ("sampled" profile: each distinct stack once, weighted by its sample
/// count), which speedscope.app and other flame-graph viewers open as they are.
/// </summary>
internal static class SpeedscopeWriter
{
    /// <summary>The format's identifier, which the file must carry verbatim.</summary>
    public const string Schema = "https://www.speedscope.app/file-format-schema.json";

    /// <param name="stacks">Each distinct stack as frame names root first, with its sample count.</param>
    public static async Task WriteAsync(string path, string name, IReadOnlyList<(string[] Frames, long Count)> stacks, CancellationToken cancellationToken)
    {
        var frames = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new List<int[]>();
        var weights = new List<long>();
        foreach (var (stack, count) in stacks.OrderByDescending(pair => pair.Count))
        {
            samples.Add([.. stack.Select(frame => index.TryGetValue(frame, out var i) ? i : Add(frame))]);
            weights.Add(count);
        }

        var document = new Dictionary<string, object>
        {
            ["$schema"] = Schema,
            ["name"] = name,
            ["exporter"] = "corslab",
            ["activeProfileIndex"] = 0,
            ["shared"] = new Dictionary<string, object> { ["frames"] = frames.Select(frame => new Dictionary<string, string> { ["name"] = frame }).ToArray() },
            ["profiles"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["type"] = "sampled",
                    ["name"] = name + " (managed CPU samples, all threads)",
                    ["unit"] = "none",
                    ["startValue"] = 0,
                    ["endValue"] = weights.Sum(),
                    ["samples"] = samples,
                    ["weights"] = weights,
                },
            },
        };
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, cancellationToken: cancellationToken);

        int Add(string frame)
        {
            index[frame] = frames.Count;
            frames.Add(frame);
            return frames.Count - 1;
        }
    }
}
