using System.CommandLine;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Origin;

namespace CorsLab.Cli.Commands;

/// <summary><c>corslab origin</c>: the lab's upstream on its own until Ctrl+C.</summary>
internal static class OriginCommand
{
    private static readonly Option<string> Urls = new("--urls") { Description = "http listen address", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
    private static readonly Option<string?> HttpsUrls = new("--https-urls") { Description = "https listen address (self-signed certificate)" };
    private static readonly Option<string?> PageUrls = new("--page-urls") { Description = "http listen address of the browser suite's page (a second origin)" };
    private static readonly Option<string?> CertOut = new("--cert-out") { Description = "where to write the https certificate's PEM" };
    private static readonly Option<int> TimingsCapacity = new("--timings-capacity") { Description = "requests whose timings are kept", DefaultValueFactory = _ => new OriginOptions().TimingsCapacity };

    public static Command Create()
    {
        var command = new Command("origin", "Run the lab's upstream origin server on its own.");
        command.Options.Add(Urls);
        command.Options.Add(HttpsUrls);
        command.Options.Add(PageUrls);
        command.Options.Add(CertOut);
        command.Options.Add(TimingsCapacity);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        OriginOptions options;
        try
        {
            options = new OriginOptions
            {
                HttpUrl = parse.GetRequiredValue(Urls),
                HttpsUrl = parse.GetValue(HttpsUrls),
                PageUrl = parse.GetValue(PageUrls),
                CertificatePemPath = parse.GetValue(CertOut),
                TimingsCapacity = parse.GetValue(TimingsCapacity),
            };
        }
        catch (ArgumentException error)
        {
            throw new UsageException(error.Message);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ParentWatch.Start());
        await using var origin = await OriginHost.StartAsync(options, stop.Token);
        Console.Out.WriteLine(ReadyLine.Format(
            ("http", origin.HttpUrl.ToString().TrimEnd('/')),
            ("https", origin.HttpsUrl?.ToString().TrimEnd('/') ?? "none"),
            ("page", origin.PageUrl?.ToString().TrimEnd('/') ?? "none"),
            ("cert", origin.CertificatePemPath)));
        try
        {
            await origin.WaitForShutdownAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return ExitCodes.Success;
    }
}
