using System.Buffers;
using System.Text;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Pipelines.Forwarding;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>
/// Allocation counts of the per-request work on a browser-like request, measured on the current thread. They are
/// deterministic (unlike time), so they are assertions: a regression fails here before any benchmark runs.
/// </summary>
public sealed class AllocationTests
{
    private static readonly ProxyLimits Limits = new();

    private static readonly byte[] Request =
        Encoding.ASCII.GetBytes(BrowserRequest.Head("/?url=http%3A%2F%2F127.0.0.1%3A8080%2Fbytes%2F1024", "127.0.0.1:5000"));

    [Fact]
    public void ParsingABrowserRequest_AllocatesNothing()
    {
        using var head = new RequestHead();
        Parse(head);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Parse(head);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(12, head.Buffer.Count);
    }

    [Fact]
    public void JudgingABrowserRequestsFields_AllocatesNothing()
    {
        using var head = new RequestHead();
        Parse(head);
        Judge(head);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var forwarded = 0;
        for (var i = 0; i < 100; i++)
        {
            forwarded = Judge(head);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        // Host and Connection stay behind.
        Assert.Equal(10, forwarded);
    }

    private static void Parse(RequestHead head)
    {
        head.Reset();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Request));
        Assert.True(RequestParser.TryParse(ref reader, head, Limits));
    }

    /// <summary>What the forwarder decides per field of the request head, as it writes the upstream request.</summary>
    private static int Judge(RequestHead head)
    {
        var fields = head.Buffer;
        var connection = HeaderRules.ConnectionTokensOf(fields, head.HasConnectionHeader);
        var forwarded = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields.Name(i);
            if (!HeaderRules.IsFraming(name) && !(name.Length == 4 && HttpSyntax.NameIs(name, HttpSyntax.Host))
                && !HeaderRules.IsHopByHop(name, connection) && !HeaderRules.IsCors(name))
            {
                forwarded++;
            }
        }

        return forwarded;
    }
}
