namespace CorsLab.Spec;

// What the origin received, read from the JSON object the origin's /headers endpoint answers:
// lower-case header names plus "_method", "_path" and "_host". The case must target /headers.

/// <summary>The origin received header <paramref name="Name"/>.</summary>
public sealed record ExpectUpstreamHeaderPresent(string Name) : SpecExpectation;

/// <summary>The origin did not receive header <paramref name="Name"/>.</summary>
public sealed record ExpectUpstreamHeaderAbsent(string Name) : SpecExpectation;

/// <summary>The origin received <paramref name="Name"/> with exactly <paramref name="Value"/> (ordinal).</summary>
public sealed record ExpectUpstreamHeaderEquals(string Name, string Value) : SpecExpectation;
