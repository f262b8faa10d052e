using CorsLab.Load.Scenarios;
using CorsLab.Origin;
using CorsLab.Results;

namespace CorsLab.Load.Tests;

/// <summary>One real origin on 127.0.0.1 for the whole test class.</summary>
public sealed class OriginFixture : IAsyncLifetime
{
    private OriginHost? _origin;

    public OriginHost Origin => _origin ?? throw new InvalidOperationException("not started");

    public HttpClient Control { get; } = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    public OriginUrls Urls => new(Origin.HttpUrl, Origin.HttpsUrl, new Uri("http://127.0.0.1:1/"));

    public static TargetInfo Direct { get; } = new("direct", TargetKinds.Direct, "{url}", []);

    public Uri Url(string path) => new(Origin.HttpUrl, path);

    public async Task InitializeAsync() => _origin = await OriginHost.StartAsync(new OriginOptions(), CancellationToken.None);

    public async Task DisposeAsync()
    {
        Control.Dispose();
        if (_origin is not null)
        {
            await _origin.DisposeAsync();
        }
    }
}
