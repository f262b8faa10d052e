namespace CorsLab.Spec;

// The status-line expectations. Small records live together by theme: one per file would be a dozen
// three-line files that say less together than apart.

/// <summary>The response status is exactly <paramref name="Code"/>.</summary>
public sealed record ExpectStatus(int Code) : SpecExpectation;

/// <summary>The response status is one of <paramref name="Codes"/> (where the contract admits more than one).</summary>
public sealed record ExpectStatusIn(params int[] Codes) : SpecExpectation;

/// <summary>
/// The server refused the request: either a status among <paramref name="Codes"/>, or the connection was
/// closed or reset before any response head (a server may do that to an oversized request).
/// </summary>
public sealed record ExpectRejected(params int[] Codes) : SpecExpectation;
