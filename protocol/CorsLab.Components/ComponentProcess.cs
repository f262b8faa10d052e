using System.Diagnostics;

namespace CorsLab.Components;

/// <summary>
/// One lab component (origin or engine) running as its own <c>corslab</c> child process. Started with
/// the parent's pid in its environment (<see cref="ParentWatch"/>), ready once it prints its ready line,
/// killed with its whole tree on dispose.
/// </summary>
public sealed class ComponentProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private const int KeptErrorLines = 20;

    private readonly Process _process;

    private ComponentProcess(Process process, IReadOnlyDictionary<string, string> ready)
    {
        _process = process;
        Ready = ready;
    }

    public IReadOnlyDictionary<string, string> Ready { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>corslab ARGS</c> (through <paramref name="launcher"/> when given, e.g. <c>prlimit</c>), waits for its
    /// ready line and, with <paramref name="cpus"/>, pins it to the components' CPUs. Pinned once ready rather than
    /// started pinned: a runtime that starts on one CPU sizes its thread pool, GC and socket engines for one, and a
    /// gateway given by its pid, pinned after its start, would then run differently from the engines beside it.
    /// </summary>
    /// <param name="environment">Variables set for the child on top of the lab's own (e.g. <c>OTEL_*</c>).</param>
    /// <exception cref="ComponentStartException">The child exited or printed an error before it was ready.</exception>
    public static async Task<ComponentProcess> StartAsync(
        string name, IReadOnlyList<string> arguments, CancellationToken cancellationToken, CpuSplit? cpus = null,
        Func<ProcessStartInfo, ProcessStartInfo>? launcher = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = CorslabExecutable.CreateStartInfo(arguments);
        if (launcher is not null)
        {
            start = launcher(start);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        start.Environment[ParentWatch.ParentPidVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var ready = new TaskCompletionSource<IReadOnlyDictionary<string, string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new Queue<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && ReadyLine.TryParse(line.Data, out var fields))
            {
                ready.TrySetResult(fields);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.Enqueue(line.Data);
                if (errors.Count > KeptErrorLines)
                {
                    errors.Dequeue();
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        try
        {
            var first = await Task.WhenAny(ready.Task, exited);
            if (first == ready.Task)
            {
                var component = new ComponentProcess(process, await ready.Task);
                if (cpus is not null)
                {
                    try
                    {
                        StartedOnEveryCpu(name, component.Ready, cpus);
                        await cpus.PinComponentAsync(process.Id);
                    }
                    catch
                    {
                        await component.DisposeAsync();
                        throw;
                    }
                }

                return component;
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            process.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new ComponentStartException($"{name} did not become ready within {ReadyTimeout.TotalSeconds:0} s");
        }

        string message;
        lock (errors)
        {
            message = errors.Count > 0 ? errors.Last() : $"exit code {process.ExitCode}";
        }

        process.Dispose();
        throw new ComponentStartException($"{name} failed to start: {message}");
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Kill was sent; the kernel finishes it. Nothing more to wait for.
        }

        _process.Dispose();
    }

    /// <summary>A component to be pinned must have started unpinned (see <see cref="StartAsync"/>): a lab still pinned from an earlier run is a lab bug, refused.</summary>
    private static void StartedOnEveryCpu(string name, IReadOnlyDictionary<string, string> ready, CpuSplit cpus)
    {
        if (ready.TryGetValue(ReadyLine.CpusKey, out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seen) && seen < cpus.MachineCpus)
        {
            throw new ComponentStartException($"{name} started on {seen} of {cpus.MachineCpus} CPUs, so its runtime sized itself for {seen}: the lab was still pinned when it started it");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
