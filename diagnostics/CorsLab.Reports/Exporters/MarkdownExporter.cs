using System.Text;
using CorsLab.Reports.Exporters.Document;

namespace CorsLab.Reports.Exporters;

/// <summary>GitHub-flavoured Markdown: pipe tables, <c>&gt; [!WARNING]</c> alerts, plots as relative links to the SVGs beside it.</summary>
internal static class MarkdownExporter
{
    public const string FileName = "report.md";

    public static string Export(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    text.Append('#', heading.Level).Append(' ').Append(Escape(heading.Text)).Append('\n');
                    break;
                case Paragraph paragraph:
                    text.Append(Inline(paragraph.Spans)).Append('\n');
                    break;
                case Callout callout:
                    text.Append(callout.Kind == CalloutKind.Warning ? "> [!WARNING]\n" : "> [!NOTE]\n").Append("> ").Append(Inline(callout.Spans)).Append('\n');
                    break;
                case BulletList list:
                    foreach (var item in list.Items)
                    {
                        text.Append("- ").Append(Inline(item)).Append('\n');
                    }

                    break;
                case Table table:
                    AppendTable(text, table);
                    break;
                case Figure figure:
                    text.Append("![").Append(Escape(figure.Caption)).Append("](").Append(Uri.EscapeDataString(figure.FileName)).Append(")\n");
                    break;
                default:
                    throw new NotSupportedException($"no Markdown for {block.GetType().Name}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, Table table)
    {
        text.Append('|');
        foreach (var header in table.Header)
        {
            text.Append(' ').Append(Cell(header.Length == 0 ? " " : Escape(header))).Append(" |");
        }

        text.Append("\n|");
        for (var column = 0; column < table.Header.Count; column++)
        {
            text.Append(table.NumericColumns.Contains(column) ? "---:|" : "---|");
        }

        text.Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append('|');
            foreach (var cell in row)
            {
                text.Append(' ').Append(Cell(Inline(cell))).Append(" |");
            }

            text.Append('\n');
        }
    }

    private static string Inline(IEnumerable<Span> spans)
    {
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            text.Append(span.Style switch
            {
                SpanStyle.Bold => $"**{Escape(span.Text)}**",
                SpanStyle.Code => span.Text.Contains('`', StringComparison.Ordinal) ? $"`` {span.Text} ``" : $"`{span.Text}`",
                SpanStyle.File => $"[{Escape(span.Text)}](<{span.Text}>)",
                _ => Escape(span.Text),
            });
        }

        return text.ToString();
    }

    /// <summary>Pipes would end a cell and newlines a row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`')
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }
}
