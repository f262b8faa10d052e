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

    [Fact]
    public async Task FaultTheEngineDoesNotImplement_Exits2_ListingWhatItDoes()
    {
        var run = await CorslabRun.RunAsync(["proxy", "--engine", "yarp", "--urls", "http://127.0.0.1:0", "--fault", "global-lock"], Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not implement fault 'global-lock'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-pooling", run.Stderr, StringComparison.Ordinal);
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
