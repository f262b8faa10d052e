using CorsLab.Proxies.HttpClient;
using CorsLab.Proxies.Pipelines;
using CorsLab.Proxies.Yarp;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>The three engines by name, for theories that run against each of them in-process.</summary>
internal static class TestEngines
{
    public static IReadOnlyList<string> All { get; } = ["httpclient", "yarp", "pipelines"];

    public static TheoryData<string> Names => [.. All];

    public static IProxyEngine Create(string engine) => engine switch
    {
        "httpclient" => new HttpClientEngine(),
        "yarp" => new YarpEngine(),
        "pipelines" => new PipelinesEngine(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "no such engine"),
    };
}
