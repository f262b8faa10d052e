namespace CorsLab.Reports.Exporters.Document;

/// <summary>Builds a <see cref="Table"/> row by row; a column whose header is added with <c>numeric: true</c> is right-aligned.</summary>
internal sealed class TableBuilder
{
    private readonly List<string> _header = [];
    private readonly HashSet<int> _numeric = [];
    private readonly List<IReadOnlyList<IReadOnlyList<Span>>> _rows = [];

    public TableBuilder Column(string name, bool numeric = false)
    {
        if (numeric)
        {
            _numeric.Add(_header.Count);
        }

        _header.Add(name);
        return this;
    }

    public TableBuilder Row(params Cell[] cells)
    {
        if (cells.Length != _header.Count)
        {
            throw new ArgumentException($"a row of {cells.Length} cells for {_header.Count} columns", nameof(cells));
        }

        _rows.Add(cells.Select(cell => cell.Spans).ToList());
        return this;
    }

    public int Count => _rows.Count;

    public Table Build() => new(_header, _rows, _numeric);
}

/// <summary>One table cell: plain text, one styled span, or several.</summary>
internal readonly record struct Cell(IReadOnlyList<Span> Spans)
{
    public static implicit operator Cell(string text) => new([new Span(text)]);

    public static implicit operator Cell(Span span) => new([span]);

    public static implicit operator Cell(Span[] spans) => new(spans);

    public static implicit operator Cell(List<Span> spans) => new(spans);
}
