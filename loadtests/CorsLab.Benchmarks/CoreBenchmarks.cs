using BenchmarkDotNet.Attributes;
using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Benchmarks;

/// <summary>
/// The contract's hot paths every engine runs per request, alone: the target url parsed and validated (the
/// allocation-free path and the <see cref="Uri"/> one), the CORS headers set, and a browser's request headers filtered
/// for hop-by-hop names. Their bytes per operation are counts the gate judges (<c>corslab gate --allocations</c>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CoreBenchmarks
{
    private const string Query = "?url=https%3A%2F%2Fapi.example.com%2Fv1%2Fitems%3Fpage%3D2%26sort%3Ddesc";

    private static readonly string[] BrowserHeaderNames = [.. BrowserRequest.Headers.Select(h => h.Name), "Keep-Alive", "TE", "X-Trace"];

    private readonly char[] _buffer = new char[2048];
    private readonly ConnectionTokens _connection = ConnectionTokens.Of(["keep-alive, X-Trace"]);
    private int _written;

    [Benchmark]
    public int ParseTargetUrlSpan() => (int)TargetUrlParser.Parse(Query, _buffer, out _);

    [Benchmark]
    public int ParseTargetUrlUri() => (int)TargetUrlParser.Parse(Query, out _);

    [Benchmark]
    public int SetCorsHeaders()
    {
        // A static setter with this as its state: a capturing lambda would add its closure to the bytes measured.
        _written = 0;
        CorsHeaders.ApplySpans(BrowserRequest.Origin, "Accept-Encoding", this, static (self, _, value) => self._written += value.Length);
        return _written;
    }

    [Benchmark]
    public int FilterHopByHop()
    {
        var kept = 0;
        foreach (var name in BrowserHeaderNames)
        {
            if (!HopByHopHeaders.IsHopByHop(name, _connection))
            {
                kept++;
            }
        }

        return kept;
    }
}
