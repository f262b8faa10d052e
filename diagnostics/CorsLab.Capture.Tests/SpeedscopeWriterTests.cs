namespace CorsLab.Capture.Tests;

public sealed class SpeedscopeWriterTests
{
    [Fact]
    public async Task Stacks_BecomeOneSampledProfile_SharingFrames_WeightedByCount()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corslab-{Guid.NewGuid():N}.speedscope.json");
        try
        {
            await SpeedscopeWriter.WriteAsync(path, "engine-named-get", [(["Main", "Forward", "Copy"], 3), (["Main", "Forward", "Parse"], 1)], CancellationToken.None);

            var frames = SpeedscopeShape.Validate(await File.ReadAllTextAsync(path));

            Assert.Equal(["Main", "Forward", "Copy", "Parse"], frames);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
