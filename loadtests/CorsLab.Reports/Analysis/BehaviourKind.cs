namespace CorsLab.Reports.Analysis;

/// <summary>A way an engine misbehaves that the report can see from the measurements alone.</summary>
public enum BehaviourKind
{
    /// <summary>The client's first body byte waits for the origin's last: the engine reads whole responses.</summary>
    BuffersResponses,

    /// <summary>The origin's first request-body byte arrives after the client's last: the engine reads whole uploads.</summary>
    BuffersRequests,

    /// <summary>About one origin connection per request: no pooling upstream.</summary>
    ConnectionChurn,

    /// <summary>Seconds inside the phase with no completions or a p99 far above the phase's usual.</summary>
    Stalls,

    /// <summary>Requests that ended in an error.</summary>
    Errors,

    /// <summary>A latency floor near 40 ms while the direct reference answers in a few: Nagle's algorithm meeting delayed ACKs.</summary>
    NagleSignature,
}
