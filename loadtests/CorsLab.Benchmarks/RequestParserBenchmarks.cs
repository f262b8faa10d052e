using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Benchmarks;

/// <summary>
/// The pipelines engine's request-head parser alone (Kestrel's <c>HttpParserBenchmark</c>): one browser-like head
/// per operation, in one segment as a read usually brings it, and split in two as a read may.
/// Its correctness tests are <c>RequestParserTests</c>; its zero allocation is asserted in <c>AllocationTests</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RequestParserBenchmarks
{
    private static readonly ProxyLimits Limits = new();

    private readonly RequestHead _head = new();
    private ReadOnlySequence<byte> _whole;
    private ReadOnlySequence<byte> _split;

    [GlobalSetup]
    public void Setup()
    {
        var bytes = Encoding.ASCII.GetBytes(BrowserRequest.Head("/?url=http%3A%2F%2F127.0.0.1%3A8080%2Fbytes%2F1024", "127.0.0.1:5000", BrowserRequest.Headers));
        _whole = new ReadOnlySequence<byte>(bytes);
        _split = TwoSegments.Create(bytes, bytes.Length / 2);
    }

    [Benchmark(Baseline = true)]
    public bool OneSegment() => Parse(_whole);

    [Benchmark]
    public bool TwoSegmentsSplitInTheMiddle() => Parse(_split);

    [GlobalCleanup]
    public void Cleanup() => _head.Dispose();

    private bool Parse(ReadOnlySequence<byte> input)
    {
        _head.Reset();
        var reader = new SequenceReader<byte>(input);
        return RequestParser.TryParse(ref reader, _head, Limits);
    }
}
