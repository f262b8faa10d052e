using System.Diagnostics.Tracing;
using System.Text;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core.Tests.WireFaults;

/// <summary>
/// The white-box faults (dns-per-request, sync-over-async, alloc-per-chunk, global-lock) in every engine: each still
/// forwards bodies intact, and dns-per-request really looks the name up on every request. What the others cost shows
/// only from inside the process (the diagnose self-check proves those from EventPipe captures).
/// </summary>
public sealed class WhiteBoxFaultTests
{
    private const int BodyLength = 100_000;

    public static TheoryData<string, Fault> EngineFaults
    {
        get
        {
            var data = new TheoryData<string, Fault>();
            foreach (var engine in TestEngines.All)
            {
                foreach (var fault in new[] { Fault.DnsPerRequest, Fault.SyncOverAsync, Fault.AllocPerChunk, Fault.GlobalLock })
                {
                    data.Add(engine, fault);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EngineFaults))]
    public async Task WhiteBoxFault_ForwardsBodiesIntact(string engine, Fault fault)
    {
        var body = Pattern(BodyLength);
        await using var contentLength = new ScriptedUpstream($"HTTP/1.1 200 OK\r\nContent-Length: {BodyLength}\r\n\r\n{body}");
        await using var chunked = new ScriptedUpstream($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{BodyLength:x}\r\n{body}\r\n0\r\n\r\n");
        await using var proxy = await RunningEngine.StartAsync(engine, new ProxyOptions { Faults = fault });
        using var client = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        Assert.Equal(body, await client.GetStringAsync(new Uri(proxy.Url, $"/?url={contentLength.TargetByName("/")}")));
        Assert.Equal(body, await client.GetStringAsync(new Uri(proxy.Url, $"/?url={chunked.TargetByName("/")}")));
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task DnsPerRequest_LooksTheNameUpOnEveryRequest(string engine)
    {
        const int Requests = 5;
        await using var upstream = new ScriptedUpstream("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        await using var proxy = await RunningEngine.StartAsync(engine, new ProxyOptions { Faults = Fault.DnsPerRequest });
        using var client = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var lookups = new LocalhostLookups();

        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal("ok", await client.GetStringAsync(new Uri(proxy.Url, $"/?url={upstream.TargetByName("/")}")));
        }

        // Other tests in this process may look localhost up too; they can only add. A cached name would give 1.
        Assert.True(lookups.Count >= Requests, $"{engine}: {lookups.Count} lookups of localhost for {Requests} requests");
        Assert.Equal(1, upstream.Connections);
    }

    private static string Pattern(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)('a' + (i % 26)));
        }

        return text.ToString();
    }

    /// <summary>Counts the runtime's name resolutions of <c>localhost</c> (System.Net.NameResolution ResolutionStart).</summary>
    private sealed class LocalhostLookups : EventListener
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "System.Net.NameResolution")
            {
                EnableEvents(eventSource, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName == "ResolutionStart" && eventData.Payload is [string host, ..] && host == "localhost")
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
