namespace CorsLab.Diagnostics.Verdict;

/// <summary>How sure the first place of a ranking is, judged on the deciding metric's spread over repeats.</summary>
public enum Margin
{
    /// <summary>Only one target was ranked.</summary>
    Alone,

    /// <summary>Every repeat of the first beats every repeat of the second.</summary>
    Clear,

    /// <summary>The repeats' ranges overlap: the order may be noise.</summary>
    WithinSpread,

    /// <summary>One repeat each: no spread to judge by.</summary>
    SingleRepeat,
}
