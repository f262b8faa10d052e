using System.Net;
using System.Net.Sockets;
using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>Bad input: one line naming what was wrong and what is valid, exit code 2.</summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UnknownEngine_Exits2_ListingEngines()
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "nginx-ish", "--urls", "http://127.0.0.1:0"], Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown engine 'nginx-ish'", line, StringComparison.Ordinal);
        Assert.Contains("httpclient, yarp", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFault_Exits2_ListingFaults()
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "httpclient", "--urls", "http://127.0.0.1:0", "--fault", "slow"], Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown fault 'slow'", line, StringComparison.Ordinal);
        Assert.Contains("buffer-response", line, StringComparison.Ordinal);
        Assert.Contains("global-lock", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("added-latency", "needs a positive duration")]
    [InlineData("added-latency=soon", "needs a positive duration")]
    [InlineData("added-latency=-5us", "needs a positive duration")]
    [InlineData("nagle=1", "takes no value")]
    public async Task MalformedFaultArgument_Exits2_SayingWhatIsValid(string fault, string expected)
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0", "--fault", fault], Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(fault, line, StringComparison.Ordinal);
    }

    /// <summary>Each value once widened the bind or crashed an engine; now each is one line and exit 2, on every engine.</summary>
    [Theory]
    [InlineData("http://0.0.0.0:0", "beyond loopback")]
    [InlineData("http://[::]:0", "beyond loopback")]
    [InlineData("http://*:0", "is not a URL")]
    [InlineData("http://127.0.0.1:abc", "is not a URL")]
    [InlineData("http://example.invalid:0", "is a host name")]
    [InlineData("notaurl", "is not a URL")]
    [InlineData("http://127.0.0.1:99999", "is not a URL")]
    [InlineData("http://127.0.0.1", "has no port")]
    [InlineData("https://127.0.0.1:0", "is https")]
    [InlineData("http://127.0.0.1:0/path", "has a path")]
    [InlineData("http://127.0.0.1:0;http://127.0.0.1:0", "lists several URLs")]
    public async Task BadListenUrl_Exits2_OnEveryEngine(string urls, string expected)
    {
        foreach (var engine in new[] { "httpclient", "yarp", "pipelines" })
        {
            var run = await CorslabRun.RunAsync(["proxy", "--engine", engine, "--urls", urls], Bound);

            Assert.True(run.ExitCode == 2, $"{engine}: exit {run.ExitCode}: {run.Stderr}");
            var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.Contains("http://ADDRESS:PORT", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--upstream-timeout", "NaN")]
    [InlineData("--upstream-timeout", "1e12")]
    [InlineData("--upstream-timeout", "1e-9")]
    [InlineData("--connect-timeout", "infs")]
    [InlineData("--body-idle-timeout", "25h")]
    public async Task OutOfRangeDuration_Exits2_WithTheRange(string option, string value)
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0", option, value], Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{option}: '{value}'", line, StringComparison.Ordinal);
        Assert.Contains("from 1us to 1 day", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    [InlineData("1e3")]
    [InlineData("99999999999")]
    public async Task BadMaxConnections_Exits2_WithTheRange(string value)
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "yarp", "--urls", "http://127.0.0.1:0", "--max-connections", value], Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"--max-connections: '{value}' is not a whole number from 1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyHelp_ListsEveryEngineAndFault()
    {
        var run = await CorslabRun.RunAsync(["proxy", "--help"], Bound);

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "httpclient", "yarp", "pipelines", "buffer-response", "global-lock", "added-latency=<duration>", "--max-connections" })
        {
            Assert.Contains(name, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("not a certificate\n", "holds no PEM certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", "holds no PEM certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "is not a PEM certificate file")]
    public async Task UpstreamCaWithoutACertificate_Exits2(string content, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"corslab-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, content);
        try
        {
            var run = await CorslabRun.RunAsync(["proxy", "--engine", "yarp", "--urls", "http://127.0.0.1:0", "--upstream-ca", path], Bound);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains(expected, Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("192.168.1.0-255")]
    [InlineData("10.0.0.1x")]
    [InlineData("10.0.0.0/33")]
    public async Task DenyTargetThatIsNeitherAddressNorName_Exits2(string value)
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "httpclient", "--urls", "http://127.0.0.1:0", "--deny-target", value], Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{value}' is not a host name, an IP address or a CIDR block", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("httpclient")]
    [InlineData("yarp")]
    public async Task BusyPort_Exits2_NamingThePort(string engine)
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var run = await CorslabRun.RunAsync(["proxy", "--engine", engine, "--urls", $"http://127.0.0.1:{port}"], Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port} is already in use", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OriginOnBusyPort_Exits2_NamingThePort()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var run = await CorslabRun.RunAsync(["origin", "--urls", $"http://127.0.0.1:{port}"], Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"port {port}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpecAgainstDeadTarget_Exits2_SayingItIsUnreachable()
    {
        var port = FreePort();

        var run = await CorslabRun.RunAsync(["spec", "--target", $"http://127.0.0.1:{port}/?url={{url}}"], Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not reachable", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--upstream-timeout", "soon")]
    [InlineData("--upstream-timeout", "-1")]
    [InlineData("--deny-target", "not a host!")]
    [InlineData("--log-level", "loud")]
    [InlineData("--log-level", "3")]
    public async Task BadOptionValue_Exits2_NamingTheOption(string option, string value)
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "httpclient", "--urls", "http://127.0.0.1:0", option, value], Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_Exits2()
    {
        var run = await CorslabRun.RunAsync(["investigat"], Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
