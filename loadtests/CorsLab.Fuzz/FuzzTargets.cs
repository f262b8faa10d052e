namespace CorsLab.Fuzz;

/// <summary>
/// One target per parser, by the name <c>loadtests/fuzz/run.sh</c> passes. Each target lets only its parser's
/// documented rejection pass; any other exception, or a broken invariant (<see cref="FuzzFailure"/>), is a crash.
/// </summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["request"] = RequestTarget.Run,
        ["chunked"] = ChunkedTarget.Run,
        ["response-head"] = ResponseHeadTarget.Run,
        ["target-url"] = TargetUrlTarget.Run,
    };
}
