using System.CommandLine;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Protocol;
using CorsLab.Tracing;

namespace CorsLab.Cli.Commands;

/// <summary>
/// <c>corslab receive</c>: the lab's OTLP receiver on its own until Ctrl+C, so any gateway's OpenTelemetry exporter
/// (any language) can be pointed at it and its spans and metrics read as <c>spans.jsonl</c> and <c>metrics.jsonl</c>.
/// </summary>
internal static class ReceiveCommand
{
    private static readonly Option<string> Out = new("--out") { Description = "folder for spans.jsonl and metrics.jsonl", DefaultValueFactory = _ => Path.Combine("results", "spans") };

    public static Command Create()
    {
        var command = new Command("receive", "Run the lab's OTLP receiver (OTLP/HTTP and OTLP/gRPC on 127.0.0.1) and write the spans and metric points it gets to spans.jsonl and metrics.jsonl.");
        command.Options.Add(Out);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ParentWatch.Start());
        await using var receiver = await OtlpReceiver.StartAsync(parse.GetRequiredValue(Out), stop.Token);
        Console.Out.WriteLine(ReadyLine.Format(
            ("http", receiver.HttpEndpoint.ToString().TrimEnd('/')),
            ("grpc", receiver.GrpcEndpoint.ToString().TrimEnd('/')),
            ("spans", receiver.SpansPath),
            ("metrics", receiver.MetricsPath),
            ("pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return ExitCodes.Success;
    }
}
