using CorsLab.Components;
using CorsLab.Proxies.Catalog;

namespace CorsLab.Spec.Tests;

/// <summary>One origin process and one process per engine, shared by every spec case, stopped at the end.</summary>
public sealed class LabFixture : IAsyncLifetime
{
    /// <summary>An external proxy to run the same cases against, as a URL template.</summary>
    public const string ExternalTargetVariable = "CORSLAB_TARGET";

    private readonly Dictionary<string, EngineProcess> _engines = new(StringComparer.Ordinal);
    private OriginProcess? _origin;

    public static string? ExternalTemplate => Environment.GetEnvironmentVariable(ExternalTargetVariable) is { Length: > 0 } template ? template : null;

    internal OriginProcess Origin => _origin ?? throw new InvalidOperationException("the lab has not started");

    public async Task InitializeAsync()
    {
        _origin = await LabComponents.StartOriginAsync(CancellationToken.None);
        var started = await Task.WhenAll(EngineCatalog.Names.Select(name => LabComponents.StartEngineAsync(name, _origin, [], CancellationToken.None)));
        foreach (var engine in started)
        {
            _engines[engine.Engine] = engine;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var engine in _engines.Values)
        {
            await engine.DisposeAsync();
        }

        if (_origin is not null)
        {
            await _origin.DisposeAsync();
        }
    }

    /// <summary>The environment for one target: an engine by name, or <c>external</c> for <see cref="ExternalTemplate"/>.</summary>
    public SpecEnvironment EnvironmentFor(string target)
    {
        var isEngine = _engines.TryGetValue(target, out var engine);
        var template = isEngine ? engine!.TargetTemplate : ExternalTemplate ?? throw new InvalidOperationException($"no target '{target}'");
        return new SpecEnvironment(template, Origin.HttpUrl, SpecEnvironment.FindRefusedUrl())
        {
            OriginHttps = Origin.HttpsUrl,
            DeniedTargetUrl = isEngine ? SpecEnvironment.DeniedLoopbackUrl(Origin.HttpUrl) : null,
        };
    }
}
