namespace CorsLab.Spec;

/// <summary>One request header to send. The value may hold environment placeholders (see <see cref="SpecEnvironment"/>).</summary>
public sealed record SpecHeader(string Name, string Value);
