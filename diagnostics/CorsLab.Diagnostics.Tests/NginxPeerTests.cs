using System.Diagnostics;
using System.Globalization;
using CorsLab.Diagnostics.Output;

namespace CorsLab.Diagnostics.Tests;

/// <summary>
/// <c>diagnose --target</c> on nginx (loadtests/peers/nginx), a gateway routing every path to a fixed upstream, given as
/// a <c>{path}</c> template with the lab's origin on the port nginx was configured with. With <c>proxy_buffering on</c>
/// nginx still forwards a drip as it arrives: no finding at warn or above. Without upstream keep-alive it opens a
/// connection per request: <c>connection-churn</c>.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class NginxPeerTests
{
    [Fact]
    public async Task BufferingOn_NoFindingAtWarnOrAbove()
    {
        var findings = await DiagnoseNginxAsync("--buffering", "on");
        Assert.DoesNotContain(findings.Findings, f => f.IsWarnOrAbove);
    }

    [Fact]
    public async Task NoUpstreamKeepAlive_ConnectionChurn()
    {
        var findings = await DiagnoseNginxAsync("--upstream-keepalive", "0");
        Assert.Contains(findings.Findings, f => f.Id == "connection-churn" && f.IsWarnOrAbove);
    }

    private static async Task<FindingsDocument> DiagnoseNginxAsync(params string[] options)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"corslab-nginx-test-{Guid.NewGuid():N}");
        var originPort = Corslab.FreePort().ToString(CultureInfo.InvariantCulture);
        var proxyPort = Corslab.FreePort().ToString(CultureInfo.InvariantCulture);
        var staticPort = Corslab.FreePort().ToString(CultureInfo.InvariantCulture);
        var json = Path.Combine(Path.GetTempPath(), $"corslab-nginx-{Guid.NewGuid():N}.json");
        await NginxAsync(["start", "--prefix", prefix, "--origin-port", originPort, "--proxy-port", proxyPort, "--static-port", staticPort, .. options]);
        try
        {
            var (exit, output) = await Corslab.RunAsync(
                TimeSpan.FromMinutes(3), "diagnose", "--origin-port", originPort, "--target", $"http://127.0.0.1:{proxyPort}{{path}}", "--json", json);
            Assert.True(exit == 0, output);
            return FindingsDocument.Parse(await File.ReadAllTextAsync(json));
        }
        finally
        {
            await NginxAsync(["stop", "--prefix", prefix]);
            File.Delete(json);
            Directory.Delete(prefix, recursive: true);
        }
    }

    private static async Task NginxAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Corslab.RepoRoot, "loadtests", "peers", "nginx", "nginx.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run nginx.sh");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"nginx.sh {string.Join(' ', arguments)}: {await error}");
    }
}
