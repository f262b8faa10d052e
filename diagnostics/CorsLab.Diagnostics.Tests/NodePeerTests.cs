using System.Diagnostics;
using CorsLab.Diagnostics.Output;

namespace CorsLab.Diagnostics.Tests;

/// <summary>
/// <c>diagnose --target</c> on a proxy that is not .NET: the Node/Express peer (loadtests/peers/node-express).
/// Streaming, it shows nothing at warn or above; with <c>--buffer</c>, response buffering.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class NodePeerTests
{
    [Fact]
    public async Task StreamingPeer_NoFindingAtWarnOrAbove()
    {
        var findings = await DiagnosePeerAsync(buffer: false);
        Assert.DoesNotContain(findings.Findings, f => f.IsWarnOrAbove);
    }

    [Fact]
    public async Task BufferingPeer_ResponseBuffering()
    {
        var findings = await DiagnosePeerAsync(buffer: true);
        Assert.Contains(findings.Findings, f => f.Id == "response-buffering" && f.IsWarnOrAbove);
    }

    private static async Task<FindingsDocument> DiagnosePeerAsync(bool buffer)
    {
        var port = Corslab.FreePort();
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Corslab.RepoRoot, "loadtests", "peers", "node-express", "start.sh"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (buffer)
        {
            start.ArgumentList.Add("--buffer");
        }

        using var peer = Process.Start(start) ?? throw new InvalidOperationException("could not start the node peer");
        var json = Path.Combine(Path.GetTempPath(), $"corslab-node-{Guid.NewGuid():N}.json");
        try
        {
            await WaitHealthyAsync(port, peer);
            var (exit, output) = await Corslab.RunAsync(TimeSpan.FromMinutes(2), "diagnose", "--target", $"http://127.0.0.1:{port}/?url={{url}}", "--json", json);
            Assert.True(exit == 0, output);
            var document = FindingsDocument.Parse(await File.ReadAllTextAsync(json));
            Assert.Equal(FindingsDocument.SchemaV1, document.Schema);
            return document;
        }
        finally
        {
            peer.Kill(entireProcessTree: true);
            await peer.WaitForExitAsync();
            File.Delete(json);
        }
    }

    private static async Task WaitHealthyAsync(int port, Process peer)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();

        // npm ci on a first run can take a while; a started server answers in well under a second.
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (peer.HasExited)
            {
                Assert.Fail("the node peer exited: " + await peer.StandardError.ReadToEndAsync());
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthcheck"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the node peer did not answer /healthcheck within 120 s");
    }
}
