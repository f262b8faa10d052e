namespace CorsLab.Results;

/// <summary>One export of a <see cref="CounterSeries"/>: the second of the measured phase it ended in, and its value.</summary>
public sealed record CounterPoint(int Second, double Value);
