namespace CorsLab.Spec;

/// <summary>
/// One thing a response must show. Expectations are plain records, not lambdas, so a case reads as data
/// and a report can say which expectation failed; <c>ExpectationEvaluator</c> gives them meaning.
/// String values may hold the placeholders <see cref="SpecEnvironment"/> defines.
/// </summary>
public abstract record SpecExpectation;
