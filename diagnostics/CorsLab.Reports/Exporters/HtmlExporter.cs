using System.Net;
using System.Text;
using CorsLab.Reports.Exporters.Document;

namespace CorsLab.Reports.Exporters;

/// <summary>
/// One self-contained HTML file: the SVG plots inlined, a few lines of CSS, no script, no external asset, so it opens
/// the same from a CI artifact, a mail attachment or a laptop with no network.
/// </summary>
internal static class HtmlExporter
{
    public const string FileName = "report.html";

    private const string Style = """
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328; margin: 0; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 1.7em; border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
        h2 { font-size: 1.35em; border-bottom: 1px solid #d0d7de; padding-bottom: .3em; margin-top: 2em; }
        table { border-collapse: collapse; margin: 12px 0; font-size: .92em; display: block; overflow-x: auto; }
        th, td { border: 1px solid #d0d7de; padding: 4px 9px; vertical-align: top; }
        th { background: #f6f8fa; text-align: left; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr:nth-child(even) td { background: #fbfcfd; }
        code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; background: #eff1f3; padding: 1px 4px; border-radius: 4px; }
        .callout { border-left: 4px solid #0969da; background: #ddf4ff; padding: 8px 14px; margin: 12px 0; }
        .callout.warning { border-color: #9a6700; background: #fff8c5; }
        figure { margin: 16px 0; }
        figure svg { max-width: 100%; height: auto; border: 1px solid #eaeef2; }
        figcaption { color: #59636e; font-size: .9em; }
        """;

    /// <param name="svgs">Each figure's SVG by its file name.</param>
    public static string Export(string title, IReadOnlyList<Block> blocks, IReadOnlyDictionary<string, string> svgs)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(svgs);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    html.Append($"<h{heading.Level}>").Append(Encode(heading.Text)).Append($"</h{heading.Level}>\n");
                    break;
                case Paragraph paragraph:
                    html.Append("<p>").Append(Inline(paragraph.Spans)).Append("</p>\n");
                    break;
                case Callout callout:
                    html.Append(callout.Kind == CalloutKind.Warning ? "<div class=\"callout warning\">" : "<div class=\"callout\">").Append(Inline(callout.Spans)).Append("</div>\n");
                    break;
                case BulletList list:
                    html.Append("<ul>\n");
                    foreach (var item in list.Items)
                    {
                        html.Append("<li>").Append(Inline(item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case Table table:
                    AppendTable(html, table);
                    break;
                case Figure figure:
                    html.Append("<figure>\n").Append(svgs.TryGetValue(figure.FileName, out var svg) ? InlineSvg(svg) : "")
                        .Append("\n<figcaption>").Append(Encode(figure.Caption)).Append("</figcaption>\n</figure>\n");
                    break;
                default:
                    throw new NotSupportedException($"no HTML for {block.GetType().Name}");
            }
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, Table table)
    {
        html.Append("<table>\n<thead><tr>");
        for (var column = 0; column < table.Header.Count; column++)
        {
            html.Append(table.NumericColumns.Contains(column) ? "<th class=\"num\">" : "<th>").Append(Encode(table.Header[column])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var column = 0; column < row.Count; column++)
            {
                html.Append(table.NumericColumns.Contains(column) ? "<td class=\"num\">" : "<td>").Append(Inline(row[column])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Inline(IEnumerable<Span> spans)
    {
        var html = new StringBuilder();
        foreach (var span in spans)
        {
            html.Append(span.Style switch
            {
                SpanStyle.Bold => $"<strong>{Encode(span.Text)}</strong>",
                SpanStyle.Code => $"<code>{Encode(span.Text)}</code>",
                SpanStyle.File => $"<a href=\"{Encode(span.Text)}\">{Encode(span.Text)}</a>",
                _ => Encode(span.Text),
            });
        }

        return html.ToString();
    }

    /// <summary>An SVG document as an element: the XML declaration goes, the rest is inlined as is.</summary>
    private static string InlineSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? "" : svg[start..].Trim();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
