using System.Diagnostics;
using System.Text.Json;
using CorsLab.Protocol.OriginTimings;

namespace CorsLab.Spec.Running;

/// <summary>
/// Judges one expectation against what was observed. Returns null when it holds, otherwise one line
/// naming the expected and the actual.
/// </summary>
internal static class ExpectationEvaluator
{
    private const int ShownChars = 120;

    public static string? Evaluate(SpecExpectation expectation, ObservedResponse observed, OriginTiming? timing, SpecEnvironment environment)
    {
        if (observed.Status is null && expectation is not ExpectRejected)
        {
            return $"expected a response, got {observed.Summary()}";
        }

        string X(string text) => Placeholders.Expand(text, environment);

        return expectation switch
        {
            ExpectStatus e => observed.Status == e.Code ? null : $"expected status {e.Code}, got {Actual(observed)}",
            ExpectStatusIn e => e.Codes.Contains(observed.Status!.Value) ? null : $"expected status in {{{string.Join(", ", e.Codes)}}}, got {Actual(observed)}",
            ExpectRejected e => observed.Status is null || e.Codes.Contains(observed.Status.Value)
                ? null
                : $"expected status in {{{string.Join(", ", e.Codes)}}} or a refused connection, got {Actual(observed)}",

            ExpectBody e => BodyFailure(observed) ?? (observed.BodyText() == X(e.Text) ? null : $"expected body {Show(X(e.Text))}, got {Show(observed.BodyText())}"),
            ExpectBodyStartsWith e => BodyFailure(observed) ?? (observed.BodyText().StartsWith(X(e.Prefix), StringComparison.Ordinal) ? null : $"expected body starting {Show(X(e.Prefix))}, got {Show(observed.BodyText())}"),
            ExpectBodyContains e => BodyFailure(observed) ?? (observed.BodyText().Contains(X(e.Text), StringComparison.Ordinal) ? null : $"expected body containing {Show(X(e.Text))}, got {Show(observed.BodyText())}"),
            ExpectBodyLength e => BodyFailure(observed) ?? (observed.BodyLength == e.Length ? null : $"expected body of {e.Length} B, got {observed.BodyLength} B"),
            ExpectPayload e => BodyFailure(observed) ?? PayloadFailure(observed, e.Length),

            ExpectHeaderPresent e => observed.Headers.ContainsKey(e.Name) ? null : $"expected header {e.Name}, got none",
            ExpectHeaderAbsent e => observed.Headers.TryGetValue(e.Name, out var v) ? $"expected no header {e.Name}, got {e.Name}: {Show(v)}" : null,
            ExpectHeaderEquals e => observed.Headers.TryGetValue(e.Name, out var v)
                ? (v == X(e.Value) ? null : $"expected {e.Name}: {Show(X(e.Value))}, got {Show(v)}")
                : $"expected {e.Name}: {Show(X(e.Value))}, got no such header",
            ExpectHeaderContains e => observed.Headers.TryGetValue(e.Name, out var v)
                ? (HasToken(v, e.Token) ? null : $"expected {e.Name} listing {e.Token}, got {Show(v)}")
                : $"expected {e.Name} listing {e.Token}, got no such header",
            ExpectHeaderLacks e => observed.Headers.TryGetValue(e.Name, out var v) && HasToken(v, e.Token) ? $"expected {e.Name} without {e.Token}, got {Show(v)}" : null,

            ExpectUpstreamHeaderPresent e => UpstreamFailure(observed, e.Name, out var v) ?? (v is not null ? null : $"expected the origin to receive {e.Name}, it did not"),
            ExpectUpstreamHeaderAbsent e => UpstreamFailure(observed, e.Name, out var v) ?? (v is null ? null : $"expected the origin not to receive {e.Name}, it got {Show(v)}"),
            ExpectUpstreamHeaderEquals e => UpstreamFailure(observed, e.Name, out var v) ?? (v == X(e.Value) ? null : $"expected the origin to receive {e.Name}: {Show(X(e.Value))}, got {(v is null ? "none" : Show(v))}"),

            ExpectStreamed => StreamedFailure(observed, timing),
            ExpectRequestStreamed => RequestStreamedFailure(observed, timing),
            ExpectAborted e => AbortedFailure(observed, e.Within),

            _ => $"unknown expectation {expectation.GetType().Name}",
        };
    }

    /// <summary>Whether any expectation needs the origin's timing record for the case.</summary>
    public static bool NeedsTiming(SpecExpectation expectation) => expectation is ExpectStreamed or ExpectRequestStreamed;

    /// <summary>Whether a body that broke off mid-way is what the case wants.</summary>
    public static bool ExpectsAbort(SpecExpectation expectation) => expectation is ExpectAborted;

    private static string? BodyFailure(ObservedResponse observed) =>
        observed.BodyError is null ? null : $"expected a complete body, reading failed after {observed.BodyLength} B: {observed.BodyError}";

    private static string? PayloadFailure(ObservedResponse observed, long length)
    {
        if (observed.BodyLength != length)
        {
            return $"expected the origin's {length} B payload, got {observed.BodyLength} B";
        }

        return observed.PayloadMismatchAt is { } at ? $"expected the origin's {length} B payload, got a different byte at offset {at}" : null;
    }

    private static string? UpstreamFailure(ObservedResponse observed, string name, out string? value)
    {
        value = null;
        if (observed.BodyError is not null)
        {
            return BodyFailure(observed);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(observed.KeptBody.GetBuffer().AsMemory(0, (int)observed.KeptBody.Length));
        }
        catch (JsonException)
        {
            return $"expected the origin's /headers JSON, got {Actual(observed)} {Show(observed.BodyText())}";
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"expected the origin's /headers JSON object, got {Show(observed.BodyText())}";
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Select(item => item.ToString())),
                        _ => property.Value.GetRawText(),
                    };
                    return null;
                }
            }
        }

        return null;
    }

    private static string? StreamedFailure(ObservedResponse observed, OriginTiming? timing)
    {
        if (BodyFailure(observed) is { } failure)
        {
            return failure;
        }

        if (timing?.ResponseBodyLast is not { } originLast)
        {
            return $"expected the origin's timing for {observed.CorrelationId}, found none (did the proxy forward x-corslab-id?)";
        }

        if (observed.FirstBodyByteTimestamp == 0)
        {
            return "expected a streamed body, got an empty body";
        }

        var lead = Stopwatch.GetElapsedTime(observed.FirstBodyByteTimestamp, originLast);
        return observed.FirstBodyByteTimestamp < originLast
            ? null
            : $"expected the first byte before the origin's last, got it {Ms(-lead)} after (buffered)";
    }

    private static string? RequestStreamedFailure(ObservedResponse observed, OriginTiming? timing)
    {
        if (timing is null)
        {
            return $"expected the origin's timing for {observed.CorrelationId}, found none (did the proxy forward x-corslab-id?)";
        }

        if (timing.RequestBodyFirst is not { } originFirst)
        {
            return "expected the origin to read a request body, it read none";
        }

        var clientLast = observed.RequestBodyLastWriteTimestamp;
        return originFirst < clientLast
            ? null
            : $"expected the origin's first request byte before the client's last, got it {Ms(Stopwatch.GetElapsedTime(clientLast, originFirst))} after (buffered)";
    }

    private static string? AbortedFailure(ObservedResponse observed, TimeSpan within)
    {
        if (observed.BodyError is null)
        {
            return $"expected the body to break off, got a clean end: {observed.Summary()}";
        }

        return observed.BodyErrorAfter <= within
            ? null
            : $"expected the body to break off within {Ms(within)}, it took {Ms(observed.BodyErrorAfter)}";
    }

    private static bool HasToken(string list, string token)
    {
        foreach (var part in list.Split(','))
        {
            if (part.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Actual(ObservedResponse observed) => observed.Summary();

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:F0} ms";

    private static string Show(string text)
    {
        var shown = text.Length <= ShownChars ? text : $"{text[..ShownChars]}… ({text.Length} chars)";
        return "\"" + shown.ReplaceLineEndings("\\n") + "\"";
    }
}
