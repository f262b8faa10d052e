namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>How bodies are copied: the idle bound, and the two faults that live in the copy loop.</summary>
/// <param name="AllocPerChunk">alloc-per-chunk fault: every piece goes through a fresh array.</param>
/// <param name="GlobalLock">global-lock fault: every piece is written and sent under this one lock, across all connections.</param>
internal sealed record CopyBehaviour(TimeSpan IdleTimeout, bool AllocPerChunk, Lock? GlobalLock);
