namespace CorsLab.Reports.Exporters.Document;

/// <summary>
/// The report as a small document model: the composer decides what is said once, and the Markdown and HTML exporters
/// only decide how it looks, so the two never drift apart.
/// </summary>
internal abstract record Block;

internal sealed record Heading(int Level, string Text) : Block;

internal sealed record Paragraph(IReadOnlyList<Span> Spans) : Block
{
    public Paragraph(params Span[] spans)
        : this((IReadOnlyList<Span>)spans)
    {
    }
}

/// <summary>A boxed warning or note; GitHub renders <c>&gt; [!WARNING]</c> as one.</summary>
internal sealed record Callout(CalloutKind Kind, IReadOnlyList<Span> Spans) : Block;

internal enum CalloutKind
{
    Note,
    Warning,
}

internal sealed record BulletList(IReadOnlyList<IReadOnlyList<Span>> Items) : Block;

/// <summary>A table; each cell is a list of spans. <see cref="NumericColumns"/> are right-aligned.</summary>
internal sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<IReadOnlyList<Span>>> Rows, IReadOnlySet<int> NumericColumns) : Block;

/// <summary>A plot file beside the report, by its name relative to the report.</summary>
internal sealed record Figure(string FileName, string Caption) : Block;
