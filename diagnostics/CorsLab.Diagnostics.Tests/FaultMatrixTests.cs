using CorsLab.Diagnostics.SelfCheck;

namespace CorsLab.Diagnostics.Tests;

/// <summary>
/// The proof: <c>corslab diagnose --self-check</c> starts every engine clean and with each black-box fault (child
/// processes, one origin), and with each white-box fault where the engine implements it (captured), and diagnoses each
/// against direct. Every fault must be named at warn or above, and no clean engine may get anything at warn or above.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class FaultMatrixTests
{
    [Fact]
    public async Task SelfCheck_NamesEveryFault_AndNothingOnCleanEngines()
    {
        var json = Path.Combine(Path.GetTempPath(), $"corslab-selfcheck-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = await Corslab.RunAsync(TimeSpan.FromMinutes(10), "diagnose", "--self-check", "--json", json);
            var document = SelfCheckDocument.Parse(await File.ReadAllTextAsync(json));

            // 3 engines × (clean + 9 black-box faults); the white-box faults on each engine that implements them, pipelines at least.
            string[] whiteBox = ["dns-per-request", "threadpool-starvation", "gc-pressure", "lock-contention"];
            Assert.Equal(30, document.Runs.Count(run => !whiteBox.Contains(run.Expected)));
            Assert.All(whiteBox, id => Assert.Contains(document.Runs, run => run.Engine == "pipelines" && run.Expected == id));
            var wrong = document.Runs
                .Where(run => run.Expected == ConfusionMatrix.None ? run.Reported.Count > 0 : !run.Reported.Contains(run.Expected))
                .Select(run => $"{run.Engine} [{string.Join(',', run.Faults)}]: expected {run.Expected}, reported {string.Join(',', run.Reported)}")
                .ToArray();
            Assert.True(wrong.Length == 0, string.Join('\n', wrong) + "\n" + output);
            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
