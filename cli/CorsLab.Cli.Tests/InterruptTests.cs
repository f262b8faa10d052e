using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>Ctrl+C keeps what was measured, marks it incomplete, and leaves no child behind.</summary>
[Collection(LabRunsCollection.Name)]
public sealed class InterruptTests
{
    [Fact]
    public async Task Investigate_Interrupted_KeepsPartialRunMarkedIncomplete_AndStopsItsChildren()
    {
        var outDirectory = Directory.CreateTempSubdirectory("corslab-interrupt-");
        try
        {
            var start = WithDefaultInterrupt(CorslabExecutable.CreateStartInfo(["investigate", "--out", outDirectory.FullName, "--name", "interrupted"]));
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var lab = Process.Start(start)!;
            var stderr = lab.StandardError.ReadToEndAsync();

            // Interrupt once the spec is under way: the origin and the engines are running by then.
            using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            {
                string? line;
                do
                {
                    line = await lab.StandardOutput.ReadLineAsync(bound.Token);
                }
                while (line is not null && !line.StartsWith("spec:", StringComparison.Ordinal));
                Assert.NotNull(line);
            }

            var children = ChildrenOf(lab.Id);
            Assert.NotEmpty(children);
            using (var kill = Process.Start("kill", ["-INT", lab.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            _ = lab.StandardOutput.ReadToEndAsync();
            using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                await lab.WaitForExitAsync(bound.Token);
            }

            Assert.Equal(130, lab.ExitCode);
            Assert.Contains("complete: false", await stderr, StringComparison.Ordinal);
            var runJson = Assert.Single(Directory.GetFiles(outDirectory.FullName, "run.json", SearchOption.AllDirectories));
            using var run = JsonDocument.Parse(await File.ReadAllTextAsync(runJson));
            Assert.False(run.RootElement.GetProperty("complete").GetBoolean());
            Assert.Equal("corslab.run/1", run.RootElement.GetProperty("schema").GetString());
            Assert.All(children, pid => Assert.False(IsRunning(pid), $"child {pid} outlived the lab"));
        }
        finally
        {
            outDirectory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The lab with SIGINT's default disposition, as a terminal gives it: a suite started in the background of a
    /// non-interactive shell (a CI runner, nohup) passes SIGINT on as ignored, the runtime then installs no handler,
    /// and the Ctrl+C under test would never arrive. <c>env</c> execs, so the pid stays the lab's.
    /// </summary>
    private static ProcessStartInfo WithDefaultInterrupt(ProcessStartInfo start)
    {
        var wrapped = new ProcessStartInfo("env") { UseShellExecute = false };
        foreach (var argument in new[] { "--default-signal=INT", start.FileName }.Concat(start.ArgumentList))
        {
            wrapped.ArgumentList.Add(argument);
        }

        return wrapped;
    }

    /// <summary>The lab's children carry its pid in their environment (see <see cref="ParentWatch"/>).</summary>
    private static List<int> ChildrenOf(int parent)
    {
        var marker = $"{ParentWatch.ParentPidVariable}={parent}";
        var children = new List<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllText(Path.Combine(directory, "environ"));
                if (environment.Split('\0').Contains(marker))
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return children;
    }

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            // A zombie ("Z") has exited; only its parent's bookkeeping remains.
            return File.Exists(stat) && File.ReadAllText(stat).Split(' ')[2] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
