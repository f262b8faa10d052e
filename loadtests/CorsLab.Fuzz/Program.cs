using CorsLab.Fuzz;
using SharpFuzz;

if (args is not [var name] || !FuzzTargets.All.TryGetValue(name, out var target))
{
    Console.Error.WriteLine($"usage: dotnet CorsLab.Fuzz.dll <{string.Join('|', FuzzTargets.All.Keys)}>  (one input on stdin; under afl-fuzz, one per execution)");
    return 2;
}

// Out of process: a hang or a process-killing fault restarts the child instead of ending the afl-fuzz run.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var input = new MemoryStream();
    stream.CopyTo(input);
    target(input.ToArray());
});
return 0;
