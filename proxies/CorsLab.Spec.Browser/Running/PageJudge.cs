using System.Globalization;

namespace CorsLab.Spec.Browser.Running;

/// <summary>Judges a page's observation against a case's expectations, in order; the first miss is one line.</summary>
internal static class PageJudge
{
    /// <summary>Null when every expectation holds, else expected against actual.</summary>
    public static string? FirstFailure(IEnumerable<PageExpectation> expectations, PageObservation seen)
    {
        foreach (var expectation in expectations)
        {
            if (Judge(expectation, seen) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    /// <summary>What the page saw, in one line: the status and body size, the first chunk, or the error.</summary>
    public static string Summary(PageObservation seen)
    {
        var parts = new List<string>();
        if (seen.Events is { } events)
        {
            parts.Add($"{events.Count} events");
        }
        else if (seen.Status is { } status)
        {
            parts.Add($"status {status.ToString(CultureInfo.InvariantCulture)} ({seen.Type}), {seen.BodyBytes.ToString(CultureInfo.InvariantCulture)} B");
        }

        if (seen.FirstChunkMs is { } first)
        {
            parts.Add($"first {(seen.Events is null ? "chunk" : "event")} after {Ms(first)}");
        }

        if (seen is { FirstChunkMs: { } from, LastChunkMs: { } to } && to - from >= 1)
        {
            parts.Add($"last {Ms(to - from)} later");
        }

        if (seen.Error is { } error)
        {
            parts.Add(error + CorsReason(seen));
        }

        return string.Join(", ", parts);
    }

    private static string? Judge(PageExpectation expectation, PageObservation seen)
    {
        if (expectation is SeeRefused)
        {
            return seen.Status is null && seen.Events is null && seen.Error is not null
                ? null
                : $"expected the browser to refuse the response, but the script saw {Summary(seen)}";
        }

        if (seen.Status is null && seen.Events is null)
        {
            return $"the browser refused the response: {seen.Error}{CorsReason(seen)}";
        }

        return expectation switch
        {
            SeeStatus e => seen.Status == e.Status && seen.Error is null ? null : $"expected status {e.Status}, the script saw {Summary(seen)}",
            SeeBody e => seen.Body == e.Text ? null : $"expected body '{Clip(e.Text)}', the script read '{Clip(seen.Body)}'",
            SeeBodyContains e => seen.Body?.Contains(e.Text, StringComparison.Ordinal) == true ? null : $"expected the body to hold '{Clip(e.Text)}', the script read '{Clip(seen.Body)}'",
            SeeBodyLength e => seen.BodyBytes == e.Bytes && seen.Error is null ? null : $"expected {e.Bytes} body bytes, the script read {seen.BodyBytes}{(seen.Error is null ? "" : $" ({seen.Error})")}",
            SeeHeader e => seen.Headers.TryGetValue(e.Name.ToLowerInvariant(), out var value) && value == e.Value
                ? null
                : $"expected {e.Name}: {e.Value}, the script read {(value is null ? "none" : value)}",
            SeeEvents e => seen.Events is { } events && events.SequenceEqual(e.Data, StringComparer.Ordinal)
                ? null
                : $"expected events [{string.Join(", ", e.Data)}], the page got [{string.Join(", ", seen.Events ?? [])}]{(seen.Error is null ? "" : $" ({seen.Error})")}",
            SeeStreamed e => seen is { FirstChunkMs: { } first, LastChunkMs: { } last } && last - first >= e.DripMilliseconds / 2
                ? null
                : $"buffered: the first chunk reached the page after {(seen.FirstChunkMs is { } late ? Ms(late) : "never")} and the last {(seen.LastChunkMs is { } end && seen.FirstChunkMs is { } start ? Ms(end - start) : "no time")} later, while the origin spreads its chunks over {Ms(e.DripMilliseconds)} (streamed means over at least {Ms(e.DripMilliseconds / 2)})",
            _ => throw new NotSupportedException($"no judge for {expectation.GetType().Name}"),
        };
    }

    /// <summary>Chromium logs why it refused a cross-origin response ("blocked by CORS policy: …"); the script only sees "Failed to fetch".</summary>
    private static string CorsReason(PageObservation seen) =>
        seen.Console.FirstOrDefault(line => line.Contains("CORS policy", StringComparison.Ordinal)) is { } reason ? $" ({Clip(reason, 300)})" : "";

    private static string Ms(double milliseconds) => $"{milliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";

    private static string Clip(string? text, int length = 120) =>
        text is null ? "(none)" : (text.Length <= length ? text : text[..length] + "…").ReplaceLineEndings("\\n");
}
