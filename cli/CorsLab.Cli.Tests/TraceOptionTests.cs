using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary><c>--trace-sampling</c> and <c>--otlp-endpoint</c>: a bad value is one line naming what is valid, exit code 2, on every command that takes them.</summary>
public sealed class TraceOptionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0" },
        new[] { "bench", "--engines", "pipelines", "--out", "unused-runs" },
        new[] { "investigate", "--engines", "pipelines", "--out", "unused-runs" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task SamplingAboveOne_Exits2_NamingTheRange(string[] command)
    {
        await AssertRefusedAsync([.. command, "--trace-sampling", "1.5"], "--trace-sampling: '1.5' is not a ratio from 0 to 1");
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("ten")]
    [InlineData("10%")]
    [InlineData("0,5")]
    public async Task SamplingNotARatio_Exits2(string value)
    {
        await AssertRefusedAsync(["proxy", "--engine", "httpclient", "--urls", "http://127.0.0.1:0", "--trace-sampling", value], $"'{value}' is not a ratio from 0 to 1");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EndpointNotAnHttpUrl_Exits2_NamingAnExample(string[] command)
    {
        await AssertRefusedAsync([.. command, "--otlp-endpoint", "127.0.0.1:4317"], "--otlp-endpoint: '127.0.0.1:4317' is not an absolute http(s) URL");
    }

    private static async Task AssertRefusedAsync(string[] arguments, string expected)
    {
        var run = await CorslabRun.RunAsync(arguments, Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
