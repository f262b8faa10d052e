namespace CorsLab.Proxies.Core.Tests.Observability;

/// <summary>One measurement an engine's instrument took, with its tags.</summary>
public sealed record Measured(string Meter, string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
