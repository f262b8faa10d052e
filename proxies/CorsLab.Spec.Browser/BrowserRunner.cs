using System.Diagnostics;
using System.Resources;
using CorsLab.Spec.Browser.Running;
using Microsoft.Playwright;

namespace CorsLab.Spec.Browser;

/// <summary>
/// Runs browser cases in Chromium: one page on the page origin, each case's request made by <c>exchange.js</c> in that
/// page, judged on what the script could see. Results are <see cref="SpecCaseResult"/>s, so they join the spec report.
/// </summary>
public static class BrowserRunner
{
    private static readonly Lazy<string> ExchangeScript = new(() =>
    {
        using var stream = typeof(BrowserRunner).Assembly.GetManifestResourceStream("CorsLab.Spec.Browser.Running.exchange.js")
            ?? throw new MissingManifestResourceException("exchange.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Runs <paramref name="cases"/> in order, one after another, in one page. Only <paramref name="cancellationToken"/> throws.</summary>
    public static async Task<SpecReport> RunAsync(
        IEnumerable<BrowserCase> cases,
        BrowserEnvironment environment,
        ChromiumSession browser,
        IProgress<SpecCaseResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(browser);
        var results = new List<SpecCaseResult>();
        BrowserPage? page = null;
        string? pageFailure = null;
        try
        {
            page = environment.Page is null ? null : await BrowserPage.OpenAsync(browser, environment.Page);
        }
        catch (PlaywrightException error)
        {
            // A page origin that does not serve /page fails every case with the reason, as an unreachable origin would.
            pageFailure = $"the page on {environment.Page} did not load: {error.Message.Split('\n')[0]}";
        }

        foreach (var browserCase in cases)
        {
            var result = pageFailure is null
                ? (await RunCaseAsync(browserCase, environment, page, cancellationToken)).Result
                : new SpecCaseResult(browserCase.Id, SpecOutcome.Failed, pageFailure, TimeSpan.Zero);
            results.Add(result);
            progress?.Report(result);
        }

        if (page is not null)
        {
            await page.DisposeAsync();
        }

        return new SpecReport(environment.Spec.TargetTemplate, results);
    }

    /// <summary>One case in a page already open on the page origin (null: no page origin, so skipped), with what the page saw.</summary>
    internal static async Task<BrowserCaseRun> RunCaseAsync(BrowserCase browserCase, BrowserEnvironment environment, BrowserPage? page, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        BrowserCaseRun Done(SpecOutcome outcome, string detail, PageObservation? seen = null) =>
            new(new SpecCaseResult(browserCase.Id, outcome, detail, Stopwatch.GetElapsedTime(started)), seen);

        if (page is null)
        {
            return Done(SpecOutcome.Skipped, "no page origin to run the browser from (the lab origin's page listener, --origin-page)");
        }

        if (ProxyUrl(browserCase.Request, environment.Spec) is not { } url)
        {
            return Done(SpecOutcome.Skipped, "needs a URL the target must deny (--denied-url)");
        }

        PageObservation seen;
        try
        {
            seen = await page.ExchangeAsync(ExchangeScript.Value, Argument(browserCase.Request, url, environment.Spec.CaseTimeout), environment.Spec.CaseTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return Done(SpecOutcome.Failed, $"the page had no answer within {environment.Spec.CaseTimeout.TotalSeconds:0} s");
        }
        catch (PlaywrightException error)
        {
            return Done(SpecOutcome.Failed, $"the page failed: {error.Message.Split('\n')[0]}");
        }

        return PageJudge.FirstFailure(browserCase.Expect, seen) is { } failure
            ? Done(SpecOutcome.Failed, failure, seen)
            : Done(SpecOutcome.Passed, PageJudge.Summary(seen), seen);
    }

    /// <summary>The proxy URL the page requests, or null when the environment lacks the target the case needs.</summary>
    private static string? ProxyUrl(BrowserRequest request, SpecEnvironment environment)
    {
        string? target = request switch
        {
            { OriginPath: { } path } => environment.OriginHttp.GetLeftPart(UriPartial.Authority) + path,
            { RawUrl: { } raw } => raw,
            { DeniedTarget: true } => environment.DeniedTargetUrl?.ToString(),
            _ => throw new ArgumentException("a browser request needs OriginPath, RawUrl or DeniedTarget", nameof(request)),
        };
        return target is null ? null : environment.TargetTemplate.Replace("{url}", Uri.EscapeDataString(target), StringComparison.Ordinal);
    }

    /// <summary>The argument <c>exchange.js</c> receives; Playwright passes it to the page as JSON.</summary>
    private static Dictionary<string, object?> Argument(BrowserRequest request, string url, TimeSpan timeout) => new(StringComparer.Ordinal)
    {
        ["api"] = request.Api == BrowserApi.EventSource ? "eventsource" : "fetch",
        ["url"] = url,
        ["method"] = request.Method,
        ["headers"] = request.Headers.ToDictionary(header => header.Name, header => header.Value, StringComparer.OrdinalIgnoreCase),
        ["body"] = request.Body,
        ["credentials"] = request.IncludeCredentials ? "include" : "same-origin",
        ["cookie"] = request.Cookie,
        ["events"] = request.Events,
        ["timeoutMs"] = (int)timeout.TotalMilliseconds,
    };
}

/// <summary>A browser case's result, and what the page saw (null when it did not run).</summary>
internal sealed record BrowserCaseRun(SpecCaseResult Result, PageObservation? Seen);
