using System.Globalization;
using CorsLab.Load.Engine;
using Spectre.Console;

namespace CorsLab.Cli.Bench;

/// <summary>
/// Progress while a bench runs: a live Spectre.Console line (target, scenario, phase, rate, errors) on a
/// terminal; plain lines when stdout is redirected (CI, tests), so logs stay readable.
/// </summary>
internal sealed class BenchConsole
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    public BenchConsole(bool? interactive = null)
    {
        Interactive = interactive ?? (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive);
    }

    public bool Interactive { get; }

    public void Line(string text)
    {
        if (Interactive)
        {
            AnsiConsole.MarkupLine(Markup.Escape(text));
        }
        else
        {
            Console.Out.WriteLine(text);
        }
    }

    /// <summary>Runs one measurement, showing its progress; returns what <paramref name="body"/> returns.</summary>
    public async Task<T> TrackAsync<T>(string label, Func<ILoadObserver, Task<T>> body)
    {
        var observer = new Observer(label, Interactive ? null : Console.Out);
        if (!Interactive)
        {
            return await body(observer);
        }

        var result = default(T)!;
        await AnsiConsole.Live(new Markup(Markup.Escape(label))).AutoClear(true).StartAsync(async context =>
        {
            var task = body(observer);
            while (!task.IsCompleted)
            {
                context.UpdateTarget(new Markup(Markup.Escape(observer.Render())));
                context.Refresh();
                await Task.WhenAny(task, Task.Delay(Refresh));
            }

            result = await task;
        });
        return result;
    }

    private sealed class Observer(string label, TextWriter? plain) : ILoadObserver
    {
        private PhaseRecorder? _phase;
        private long _lastRequests;
        private TimeSpan _lastElapsed;

        public void PhaseStarted(PhaseRecorder phase)
        {
            _phase = phase;
            _lastRequests = 0;
            _lastElapsed = TimeSpan.Zero;
            plain?.WriteLine($"{label}: {Name(phase.Phase)}");
        }

        public string Render()
        {
            if (_phase is not { } phase)
            {
                return $"{label}: starting";
            }

            var requests = phase.Requests;
            var elapsed = phase.Elapsed;
            var window = (elapsed - _lastElapsed).TotalSeconds;
            var rate = window > 0 ? (requests - _lastRequests) / window : 0;
            _lastRequests = requests;
            _lastElapsed = elapsed;
            return string.Create(CultureInfo.InvariantCulture, $"{label}: {Name(phase.Phase)} {elapsed.TotalSeconds,5:0.0} s  {rate,8:0} req/s  {requests,9} requests  {phase.Errors} errors");
        }

        private static string Name(LoadPhase phase) => phase == LoadPhase.Warmup ? "warm-up" : "measured";
    }
}
