namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>Where one header's name and value sit in a <see cref="HeadBuffer"/>: offsets, never strings.</summary>
internal readonly record struct HeaderField(int NameStart, int NameLength, int ValueStart, int ValueLength);
