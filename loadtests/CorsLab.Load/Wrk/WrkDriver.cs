using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CorsLab.Load.Engine;
using CorsLab.Results;

namespace CorsLab.Load.Wrk;

/// <summary>
/// Runs the <c>max</c> model through wrk (Debian package <c>wrk</c>) and records its figures as a
/// <see cref="ScenarioMeasurement"/> with <c>Driver = "wrk"</c>. wrk prints percentiles, not its histogram, so
/// <see cref="HistogramRecord.Encoded"/> is empty, P999 is wrk's max (an upper bound), and there is no series,
/// no first-byte histogram and no three-point join (wrk sends the same id-less request every time).
/// </summary>
public static class WrkDriver
{
    public const string Name = DriverNames.Wrk;

    public const string NotInstalled = "wrk is not installed; install it with: sudo apt-get install wrk";

    public static string? FindExecutable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "wrk");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Warm-up run (discarded), then the measured run; both bounded by their durations plus wrk's own timeout.</summary>
    public static async Task<ScenarioMeasurement> RunAsync(
        string target, string scenario, int repeat, RequestSpec request, LoadModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(model);
        var executable = FindExecutable() ?? throw new InvalidOperationException(NotInstalled);
        var script = request.Method == "GET" && request.BodyLength == 0 ? null : WriteScript(request);
        try
        {
            if (model.Warmup > TimeSpan.Zero)
            {
                await RunWrkAsync(executable, request, model.Connections, model.Warmup, model.RequestTimeout, script, cancellationToken);
            }

            var started = DateTimeOffset.UtcNow;
            var text = await RunWrkAsync(executable, request, model.Connections, model.Duration, model.RequestTimeout, script, cancellationToken);
            var output = WrkOutput.Parse(text);
            return ToMeasurement(target, scenario, repeat, model, started, output);
        }
        finally
        {
            if (script is not null)
            {
                File.Delete(script);
            }
        }
    }

    internal static ScenarioMeasurement ToMeasurement(string target, string scenario, int repeat, LoadModel model, DateTimeOffset started, WrkOutput output)
    {
        var errors = new Dictionary<string, long>(output.SocketErrors);
        if (output.Non2xx3xx > 0)
        {
            errors["status-non-2xx-3xx"] = output.Non2xx3xx;
        }

        double At(double p) => output.PercentileMicros.TryGetValue(p, out var v) ? v : 0;
        return new ScenarioMeasurement
        {
            Target = target,
            Scenario = scenario,
            Repeat = repeat,
            Driver = Name,
            Model = (model with { Kind = LoadModelKind.Max }).ToSettings(),
            StartedUtc = started,
            ElapsedSeconds = output.Seconds,
            Requests = output.Requests,
            Errors = errors,
            BytesReceived = output.BytesRead,
            RequestsPerSecond = output.RequestsPerSecond,
            Latency = new HistogramRecord(output.Requests, At(50), At(90), At(99), output.MaxMicros, output.MaxMicros, output.MeanMicros, Encoded: ""),
            Note = "wrk --latency: percentiles 50/75/90/99 as printed; p99.9 is wrk's max; no encoded histogram, series or join.",
        };
    }

    private static async Task<string> RunWrkAsync(
        string executable, RequestSpec request, int connections, TimeSpan duration, TimeSpan timeout, string? script, CancellationToken cancellationToken)
    {
        var threads = Math.Clamp(Environment.ProcessorCount, 1, connections);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--latency",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }

        if (request.ConnectionClose)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Connection: close");
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(request.Url.ToString());
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(NotInstalled);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(NotInstalled);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(duration + timeout + TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"wrk did not finish within {duration + timeout + TimeSpan.FromSeconds(10)}");
            }

            var output = await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {(await stderr).Trim()}");
            }

            return output;
        }
    }

    /// <summary>A Lua script for what wrk's command line cannot say: the method and a body.</summary>
    private static string WriteScript(RequestSpec request)
    {
        var path = Path.Combine(Path.GetTempPath(), $"corslab-wrk-{Environment.ProcessId}-{Guid.NewGuid():N}.lua");
        var lua = new StringBuilder();
        lua.Append("wrk.method = \"").Append(request.Method).Append("\"\n");
        if (request.BodyLength > 0)
        {
            lua.Append("wrk.body = string.rep(\"x\", ").Append(request.BodyLength.ToString(CultureInfo.InvariantCulture)).Append(")\n");
        }

        File.WriteAllText(path, lua.ToString());
        return path;
    }
}
