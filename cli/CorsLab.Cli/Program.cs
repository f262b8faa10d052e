using System.CommandLine;
using CorsLab.Cli.Commands;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Protocol;

var root = new RootCommand("CorsLab: why is my gateway slow? Engines, spec, load and findings.")
{
    InvestigateCommand.Create(),
    BenchCommand.Create(),
    GateCommand.Create(),
    DiagnoseCommand.Create(),
    CaptureCommand.Create(),
    SpecCommand.Create(),
    ProxyCommand.Create(),
    OriginCommand.Create(),
    ReceiveCommand.Create(),
    ReportCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    Console.Error.WriteLine($"corslab: {parse.Errors[0].Message} (corslab --help lists commands and options)");
    return ExitCodes.Usage;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,

        // Ctrl+C gives a command time to stop its children and write what it measured.
        ProcessTerminationTimeout = TimeSpan.FromSeconds(20),
    });
}
catch (UsageException error)
{
    Console.Error.WriteLine($"corslab: {error.Message}");
    return ExitCodes.Usage;
}
catch (PortInUseException error)
{
    Console.Error.WriteLine($"corslab: {error.Message}");
    return ExitCodes.Usage;
}
catch (ComponentStartException error)
{
    Console.Error.WriteLine($"corslab: {error.Message}");
    return ExitCodes.Usage;
}
catch (OperationCanceledException)
{
    return ExitCodes.Interrupted;
}
