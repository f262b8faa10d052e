using CorsLab.Load.Engine;
using CorsLab.Load.Wrk;

namespace CorsLab.Load.Tests;

public sealed class WrkOutputTests
{
    private const string Sample = """
        Running 5s test @ http://127.0.0.1:18083/1k
          1 threads and 32 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     2.65ms    2.81ms  16.89ms   83.83%
            Req/Sec    16.14k     3.90k   26.40k    60.00%
          Latency Distribution
             50%    1.13ms
             75%    4.13ms
             90%    6.75ms
             99%   11.89ms
          80989 requests in 5.05s, 97.63MB read
          Non-2xx or 3xx responses: 3
          Socket errors: connect 0, read 2, write 0, timeout 1
        Requests/sec:  16045.10
        Transfer/sec:     19.34MB
        """;

    [Fact]
    public void Parse_ReadsTotalsAndPercentiles()
    {
        var output = WrkOutput.Parse(Sample);

        Assert.Equal(80989, output.Requests);
        Assert.Equal(5.05, output.Seconds, 6);
        Assert.Equal(16045.10, output.RequestsPerSecond, 6);
        Assert.Equal(2650, output.MeanMicros, 6);
        Assert.Equal(16890, output.MaxMicros, 6);
        Assert.Equal(1130, output.PercentileMicros[50], 6);
        Assert.Equal(11890, output.PercentileMicros[99], 6);
        Assert.Equal(3, output.Non2xx3xx);
        Assert.Equal(2, output.SocketErrors["read"]);
        Assert.Equal(1, output.SocketErrors["timeout"]);
        Assert.False(output.SocketErrors.ContainsKey("connect"));
    }

    [Fact]
    public void ToMeasurement_IsAMaxModelWithAnEmptyEncoding()
    {
        var model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 10, Connections = 32 };
        var m = WrkDriver.ToMeasurement("nginx", "small-get", 1, model, DateTimeOffset.UnixEpoch, WrkOutput.Parse(Sample));

        Assert.Equal("wrk", m.Driver);
        Assert.Equal("max", m.Model.Kind);
        Assert.Equal(32, m.Model.Connections);
        Assert.Equal("", m.Latency.Encoded);
        Assert.Equal(1130, m.Latency.P50, 6);
        Assert.Equal(4, m.Errors.Values.Sum() - 2);
    }

    [Theory]
    [InlineData("812.00us", 812)]
    [InlineData("1.50ms", 1500)]
    [InlineData("2.00s", 2_000_000)]
    [InlineData("1.00m", 60_000_000)]
    public void Micros_ReadsWrkUnits(string text, double micros) => Assert.Equal(micros, WrkOutput.Micros(text), 6);

    [Fact]
    public void Parse_RejectsOtherText() => Assert.Throws<FormatException>(() => WrkOutput.Parse("unable to connect to 127.0.0.1:1 Connection refused"));
}
