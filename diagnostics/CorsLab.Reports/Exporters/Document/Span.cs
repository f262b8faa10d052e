namespace CorsLab.Reports.Exporters.Document;

/// <summary>A run of text with one style; the only inline markup a report needs.</summary>
internal sealed record Span(string Text, SpanStyle Style = SpanStyle.Plain)
{
    public static Span Bold(string text) => new(text, SpanStyle.Bold);

    public static Span Code(string text) => new(text, SpanStyle.Code);

    /// <summary>A file beside the report (a capture, a flame graph), linked by its name.</summary>
    public static Span File(string fileName) => new(fileName, SpanStyle.File);

    public static implicit operator Span(string text) => new(text);
}

internal enum SpanStyle
{
    Plain,
    Bold,
    Code,
    File,
}
