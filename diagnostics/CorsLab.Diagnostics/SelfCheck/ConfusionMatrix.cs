namespace CorsLab.Diagnostics.SelfCheck;

/// <summary>
/// Expected finding × reported findings over self-check runs. A run expects one finding id (or
/// <see cref="None"/> on a clean engine) and reports a set of ids at warn or above (<see cref="None"/> when the set
/// is empty); each reported id counts once in the expected row. The diagonal is what the lab got right.
/// </summary>
public sealed class ConfusionMatrix
{
    public const string None = "none";

    private readonly Dictionary<(string Expected, string Reported), int> _cells = [];
    private readonly List<string> _labels = [];

    public ConfusionMatrix(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels.Append(None))
        {
            Add(label);
        }
    }

    /// <summary>Row and column labels, the finding ids in the order given, then <see cref="None"/>, then any surprise ids.</summary>
    public IReadOnlyList<string> Labels => _labels;

    public int Runs { get; private set; }

    /// <summary>Runs whose expected finding was reported and nothing else at warn or above.</summary>
    public int Exact { get; private set; }

    /// <summary>Runs that missed their expected finding (a clean run that reported anything is a miss too).</summary>
    public int Missed { get; private set; }

    public int this[string expected, string reported] => _cells.GetValueOrDefault((expected, reported));

    public void Record(string expected, IReadOnlyCollection<string> reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        Runs++;
        Add(expected);
        var set = reported.Count == 0 ? [None] : reported.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in set)
        {
            Add(id);
            _cells[(expected, id)] = this[expected, id] + 1;
        }

        if (set.Length == 1 && set[0] == expected)
        {
            Exact++;
        }

        if (!set.Contains(expected))
        {
            Missed++;
        }
    }

    private void Add(string label)
    {
        if (!_labels.Contains(label))
        {
            _labels.Add(label);
        }
    }
}
