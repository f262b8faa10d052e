namespace CorsLab.Diagnostics.Tests;

/// <summary>Bad input to <c>corslab diagnose</c> is one line and exit code 2, before anything is started.</summary>
public sealed class DiagnoseBadInputTests
{
    [Theory]
    [InlineData("unknown engine 'nope'", "diagnose", "--engine", "nope")]
    [InlineData("unknown fault 'slow'", "diagnose", "--engine", "yarp", "--fault", "slow")]
    [InlineData("unknown scenario 'nope'", "diagnose", "--engine", "yarp", "--scenario", "nope")]
    [InlineData("either --engine NAME", "diagnose")]
    [InlineData("either --engine NAME", "diagnose", "--engine", "yarp", "--target", "http://127.0.0.1:1/?url={url}")]
    [InlineData("--fault applies to --engine", "diagnose", "--target", "http://127.0.0.1:1/?url={url}", "--fault", "nagle")]
    [InlineData("not an http(s) URL template", "diagnose", "--target", "http://127.0.0.1:1/")]
    [InlineData("not an http(s) URL template", "diagnose", "--target", "http://127.0.0.1:1/{path}?url={url}")]
    [InlineData("--origin-port: 70000 is not a port", "diagnose", "--target", "http://127.0.0.1:1{path}", "--origin-port", "70000")]
    [InlineData("--repeat", "diagnose", "--self-check", "--repeat", "0")]
    [InlineData("--pid names the process of a --target", "diagnose", "--engine", "yarp", "--pid", "1")]
    [InlineData("--quick and --deep contradict each other", "diagnose", "--engine", "yarp", "--quick", "--deep")]
    [InlineData("--scenario names the set itself; drop --quick", "diagnose", "--engine", "yarp", "--quick", "--scenario", "drip")]
    [InlineData("only --deep", "diagnose", "--self-check", "--quick")]
    [InlineData("the lab loads 127.0.0.1 only", "diagnose", "--engine", "yarp", "--upstream-url", "http://192.0.2.1/api")]
    [InlineData("not an absolute http(s) URL", "diagnose", "--engine", "yarp", "--upstream-url", "ftp://127.0.0.1/x")]
    [InlineData("drop --quick, --deep, --scenario and --self-check", "diagnose", "--engine", "yarp", "--upstream-url", "http://127.0.0.1:1/x", "--deep")]
    public async Task BadInput_Exit2_OneLine(string message, params string[] arguments)
    {
        var (exit, output) = await Corslab.RunAsync(TimeSpan.FromSeconds(60), arguments);
        Assert.Equal(2, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
