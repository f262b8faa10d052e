using CorsLab.Proxies.Core.Telemetry;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>An engine process with no OTLP endpoint configured builds no provider: no listener, so no span is ever started.</summary>
public sealed class ProxyTracingTests
{
    [Fact]
    public void NoEndpointAnywhere_BuildsNothing()
    {
        // The test host sets no OTEL_* endpoint; were one set, the provider would be built, as it should be.
        Assert.Null(Environment.GetEnvironmentVariable(ProxyTracing.EndpointVariable));
        Assert.Null(Environment.GetEnvironmentVariable(ProxyTracing.TracesEndpointVariable));

        using var tracing = ProxyTracing.Start("pipelines", endpoint: null, sampling: 0.5);

        Assert.Null(tracing);
    }
}
