namespace CorsLab.Diagnostics.Gate;

/// <summary>A ratio (now ÷ reference) with its 95 % interval.</summary>
public sealed record RatioInterval(double Ratio, double Low, double High);
