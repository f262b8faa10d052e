namespace CorsLab.Spec;

// Response headers as the client received them (response and content headers together, names
// case-insensitive, repeated fields joined with ", ").

/// <summary>The response carries <paramref name="Name"/>, with any value.</summary>
public sealed record ExpectHeaderPresent(string Name) : SpecExpectation;

/// <summary>The response does not carry <paramref name="Name"/>.</summary>
public sealed record ExpectHeaderAbsent(string Name) : SpecExpectation;

/// <summary>The response's <paramref name="Name"/> is exactly <paramref name="Value"/> (ordinal).</summary>
public sealed record ExpectHeaderEquals(string Name, string Value) : SpecExpectation;

/// <summary>The response's <paramref name="Name"/> is a comma list holding the token <paramref name="Token"/> (case-insensitive).</summary>
public sealed record ExpectHeaderContains(string Name, string Token) : SpecExpectation;

/// <summary>The response's <paramref name="Name"/> is absent or its comma list lacks <paramref name="Token"/> (case-insensitive).</summary>
public sealed record ExpectHeaderLacks(string Name, string Token) : SpecExpectation;
