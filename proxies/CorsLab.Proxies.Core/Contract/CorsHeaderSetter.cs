namespace CorsLab.Proxies.Core.Contract;

/// <summary>Receives one header of <see cref="CorsHeaders.ApplySpans{TState}"/>; <paramref name="value"/> is only valid during the call.</summary>
public delegate void CorsHeaderSetter<in TState>(TState state, string name, ReadOnlySpan<char> value);
