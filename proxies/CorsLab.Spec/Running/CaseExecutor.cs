using System.Diagnostics;
using System.Net;
using CorsLab.Protocol;
using CorsLab.Protocol.OriginTimings;

namespace CorsLab.Spec.Running;

/// <summary>
/// Runs one case: builds the URL, sends the request, reads the whole response into an
/// <see cref="ObservedResponse"/>, fetches the origin's timing when an expectation needs it, then judges
/// the expectations in order. Every failure is a <see cref="SpecCaseResult"/>; only the caller's
/// cancellation is thrown.
/// </summary>
internal sealed class CaseExecutor(HttpClient client, OriginTimingsClient timings, SpecEnvironment environment)
{
    /// <summary>The header the origin keys its timings by.</summary>

    // Timings are published when the origin sees its response complete, a moment after the client's last byte.
    private static readonly TimeSpan TimingWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TimingPoll = TimeSpan.FromMilliseconds(25);

    public async Task<SpecCaseResult> RunAsync(SpecCase specCase, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        SpecCaseResult Result(SpecOutcome outcome, string detail) => new(specCase.Id, outcome, detail, Stopwatch.GetElapsedTime(started));

        var request = specCase.Request;
        if (!CaseUrlBuilder.TryBuild(request, environment, out var url, out var skipReason)
            || !TryExpandHeaders(request.Headers, out var headers, out skipReason))
        {
            return Result(SpecOutcome.Skipped, skipReason!);
        }

        var observed = new ObservedResponse { CorrelationId = $"{specCase.Id}.{Guid.NewGuid().ToString("N")[..12]}" };
        headers.Add(new SpecHeader(CorrelationHeader.Name, observed.CorrelationId));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(environment.CaseTimeout);
        var phase = "sending the request";
        try
        {
            if (request.RawSocket)
            {
                await RawHttpExchange.SendAsync(new Uri(url), request.Method, headers, observed, timeout.Token);
            }
            else
            {
                phase = "waiting for the response head";
                var failure = await SendAsync(url, request, headers, observed, () => phase = "reading the body", timeout.Token);
                if (failure is not null)
                {
                    return Result(SpecOutcome.Failed, failure);
                }
            }

            OriginTiming? timing = null;
            if (specCase.Expect.Any(ExpectationEvaluator.NeedsTiming))
            {
                phase = "reading the origin's timings";
                try
                {
                    timing = await FetchTimingAsync(observed.CorrelationId, timeout.Token);
                }
                catch (Exception ex) when (!timeout.IsCancellationRequested && ex is HttpRequestException or InvalidDataException or System.Text.Json.JsonException)
                {
                    return Result(SpecOutcome.Failed, $"could not read the origin's timings: {BodyObserver.OneLine(ex)}");
                }
            }

            foreach (var expectation in specCase.Expect)
            {
                if (ExpectationEvaluator.Evaluate(expectation, observed, timing, environment) is { } failure)
                {
                    return Result(SpecOutcome.Failed, failure);
                }
            }

            if (observed.BodyError is not null && !specCase.Expect.Any(ExpectationEvaluator.ExpectsAbort))
            {
                return Result(SpecOutcome.Failed, $"expected a complete body, got {observed.Summary()}");
            }

            return Result(SpecOutcome.Passed, observed.Summary());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var sofar = observed.Status is null ? string.Empty : $" (status {observed.Status}, {observed.BodyLength} B so far)";
            return Result(SpecOutcome.Failed, $"timed out after {environment.CaseTimeout.TotalSeconds:F0} s {phase}{sofar}");
        }
    }

    private async Task<string?> SendAsync(string url, SpecRequest spec, List<SpecHeader> headers, ObservedResponse observed, Action onHead, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(spec.Method), url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var content = spec.Body.Kind == SpecBodyKind.None ? null : new PayloadContent(spec.Body);
        request.Content = content;
        if (spec.Body.Kind is SpecBodyKind.Chunked or SpecBodyKind.Dripped)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        foreach (var header in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value)
                && content?.Headers.TryAddWithoutValidation(header.Name, header.Value) != true)
            {
                return $"HttpClient will not send header {header.Name} on this request; mark the case RawSocket";
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            observed.ConnectionError = BodyObserver.OneLine(ex);
            return null;
        }

        using (response)
        {
            var headTimestamp = Stopwatch.GetTimestamp();
            observed.Status = (int)response.StatusCode;
            Collect(response.Headers.NonValidated, observed);
            Collect(response.Content.Headers.NonValidated, observed);
            onHead();
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await BodyObserver.ReadAsync(body, observed, headTimestamp, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && BodyObserver.IsTransportFailure(ex))
            {
                observed.BodyError = BodyObserver.OneLine(ex);
                observed.BodyErrorAfter = Stopwatch.GetElapsedTime(headTimestamp);
            }
        }

        observed.RequestBodyLastWriteTimestamp = content?.LastWriteTimestamp ?? 0;
        return null;
    }

    private static void Collect(System.Net.Http.Headers.HttpHeadersNonValidated headers, ObservedResponse observed)
    {
        foreach (var (name, values) in headers)
        {
            var joined = string.Join(", ", values);
            observed.Headers[name] = observed.Headers.TryGetValue(name, out var existing) ? existing + ", " + joined : joined;
        }
    }

    private async Task<OriginTiming?> FetchTimingAsync(string id, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(TimingWait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var page = await timings.GetByIdsAsync([id], cancellationToken);
            if (page.Records.Count > 0 || Stopwatch.GetTimestamp() > deadline)
            {
                return page.Records.Count > 0 ? page.Records[^1] : null;
            }

            await Task.Delay(TimingPoll, cancellationToken);
        }
    }

    private bool TryExpandHeaders(IReadOnlyList<SpecHeader> headers, out List<SpecHeader> expanded, out string? skipReason)
    {
        expanded = new List<SpecHeader>(headers.Count + 1);
        skipReason = null;
        foreach (var header in headers)
        {
            if (!Placeholders.TryExpand(header.Value, environment, out var value, out var missing))
            {
                skipReason = $"the environment has no value for {{{missing}}}";
                return false;
            }

            expanded.Add(header with { Value = value });
        }

        return true;
    }
}
