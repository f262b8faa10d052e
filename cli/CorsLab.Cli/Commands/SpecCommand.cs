using System.CommandLine;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Spec;
using CorsLab.Spec.Browser;

namespace CorsLab.Cli.Commands;

/// <summary><c>corslab spec</c>: every spec case against one running target.</summary>
internal static class SpecCommand
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private static readonly Option<string> Target = new("--target") { Description = "the proxy as a URL template, e.g. http://127.0.0.1:8080/?url={url}", Required = true };
    private static readonly Option<string?> Origin = new("--origin") { Description = "a running origin's http URL; default: start one" };
    private static readonly Option<string?> OriginHttps = new("--origin-https") { Description = "that origin's https URL (cases needing it are skipped without)" };
    private static readonly Option<string?> DeniedUrl = new("--denied-url") { Description = "a URL the target must refuse with 403 (e.g. http://127.0.0.2:PORT/ for an engine run with --deny-target 127.0.0.2)" };
    private static readonly Option<int> SlowHeadMs = new("--slow-head-ms") { Description = "origin head delay that must exceed the target's upstream timeout", DefaultValueFactory = _ => SpecEnvironment.DefaultSlowHeadMilliseconds };
    private static readonly Option<bool> Browser = new("--browser") { Description = "also run the browser cases (ids browser-…) in Chromium, from a page on an origin of its own" };
    private static readonly Option<string?> OriginPage = new("--origin-page") { Description = "with --origin: that origin's page listener (corslab origin --page-urls); browser cases are skipped without" };
    private static readonly Option<string?> Json = new("--json") { Description = "write the results as JSON (schema corslab.spec/1)" };

    public static Command Create()
    {
        var command = new Command("spec", "Run the spec cases against any running target.");
        foreach (var option in new Option[] { Target, Origin, OriginHttps, DeniedUrl, SlowHeadMs, Browser, OriginPage, Json })
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var template = parse.GetRequiredValue(Target);
        var probe = await SpecRunner.ProbeAsync(template, ProbeTimeout, cancellationToken);
        if (!probe.Reachable)
        {
            throw new UsageException(probe.Message);
        }

        // The browser first, so a missing chromium is said at once rather than after the HTTP cases.
        await using var browser = parse.GetValue(Browser) ? await StartBrowserAsync(cancellationToken) : null;
        OriginProcess? started = null;
        try
        {
            Uri originHttp;
            Uri? originHttps;
            Uri? originPage;
            if (parse.GetValue(Origin) is { } given)
            {
                originHttp = AbsoluteUrl(Origin.Name, given);
                originHttps = parse.GetValue(OriginHttps) is { } https ? AbsoluteUrl(OriginHttps.Name, https) : null;
                originPage = parse.GetValue(OriginPage) is { } page ? AbsoluteUrl(OriginPage.Name, page) : null;
            }
            else
            {
                started = await LabComponents.StartOriginAsync(cancellationToken);
                (originHttp, originHttps, originPage) = (started.HttpUrl, started.HttpsUrl, started.PageUrl);
            }

            var environment = CreateEnvironment(template, originHttp, originHttps, parse);
            var console = new SpecConsole("", verbose: true);
            var report = await SpecRunner.RunAsync(SpecCatalog.All, environment, console, cancellationToken);
            if (browser is not null)
            {
                // The browser cases run after the HTTP ones, and their results join the same report.
                var browserReport = await BrowserRunner.RunAsync(BrowserCatalog.All, new BrowserEnvironment(environment, originPage), browser, console, cancellationToken);
                report = new SpecReport(report.Target, [.. report.Cases, .. browserReport.Cases]);
            }

            if (parse.GetValue(Json) is { } jsonPath)
            {
                await using var file = File.Create(jsonPath);
                await report.WriteJsonAsync(file, cancellationToken);
            }

            Console.Out.WriteLine(SpecConsole.Total(report));
            return report.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }

    private static async Task<ChromiumSession> StartBrowserAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ChromiumSession.StartAsync(cancellationToken: cancellationToken);
        }
        catch (ChromiumMissingException error)
        {
            throw new UsageException(error.Message);
        }
    }

    private static SpecEnvironment CreateEnvironment(string template, Uri originHttp, Uri? originHttps, ParseResult parse)
    {
        try
        {
            return new SpecEnvironment(template, originHttp, SpecEnvironment.FindRefusedUrl())
            {
                OriginHttps = originHttps,
                DeniedTargetUrl = parse.GetValue(DeniedUrl) is { } denied ? AbsoluteUrl(DeniedUrl.Name, denied) : null,
                SlowHeadMilliseconds = parse.GetValue(SlowHeadMs),
            };
        }
        catch (ArgumentException error)
        {
            throw new UsageException(error.Message);
        }
    }

    private static Uri AbsoluteUrl(string option, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{option}: '{text}' is not an absolute http(s) URL");
}
