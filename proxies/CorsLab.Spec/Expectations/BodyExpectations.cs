namespace CorsLab.Spec;

/// <summary>The body, decoded as UTF-8, is exactly <paramref name="Text"/>.</summary>
public sealed record ExpectBody(string Text) : SpecExpectation;

/// <summary>The body, decoded as UTF-8, starts with <paramref name="Prefix"/>.</summary>
public sealed record ExpectBodyStartsWith(string Prefix) : SpecExpectation;

/// <summary>The body, decoded as UTF-8, contains <paramref name="Text"/> (ordinal).</summary>
public sealed record ExpectBodyContains(string Text) : SpecExpectation;

/// <summary>The body is exactly <paramref name="Length"/> bytes long; 0 means no body at all.</summary>
public sealed record ExpectBodyLength(long Length) : SpecExpectation;

/// <summary>The body is the origin's deterministic payload of <paramref name="Length"/> bytes, byte for byte.</summary>
public sealed record ExpectPayload(long Length) : SpecExpectation;
