using CorsLab.Components;
using CorsLab.Proxies.Catalog;
using CorsLab.Spec.Browser.Running;

namespace CorsLab.Spec.Browser.Tests;

/// <summary>
/// One origin (with its page listener), every engine clean and every engine with <c>buffer-response</c>, each its own
/// process, and one Chromium shared by every test; all stopped at the end. Without chromium every test fails with the
/// one line saying how to install it.
/// </summary>
public sealed class BrowserLabFixture : IAsyncLifetime
{
    public const string BufferResponse = "buffer-response";

    private readonly Dictionary<string, EngineProcess> _clean = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EngineProcess> _buffered = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private OriginProcess? _origin;
    private ChromiumSession? _browser;
    private BrowserPage? _page;

    public async Task InitializeAsync()
    {
        // The browser first: without it nothing here can run, and the error should be the install hint.
        _browser = await ChromiumSession.StartAsync();
        _origin = await LabComponents.StartOriginAsync(CancellationToken.None);
        var clean = Task.WhenAll(EngineCatalog.Names.Select(name => LabComponents.StartEngineAsync(name, _origin, [], CancellationToken.None)));
        var buffered = Task.WhenAll(EngineCatalog.Names.Select(name => LabComponents.StartEngineAsync(name, _origin, [BufferResponse], CancellationToken.None)));
        foreach (var engine in await clean)
        {
            _clean[engine.Engine] = engine;
        }

        foreach (var engine in await buffered)
        {
            _buffered[engine.Engine] = engine;
        }

        _page = await BrowserPage.OpenAsync(_browser, _origin.PageUrl);
    }

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.DisposeAsync();
        }

        foreach (var engine in _clean.Values.Concat(_buffered.Values))
        {
            await engine.DisposeAsync();
        }

        if (_origin is not null)
        {
            await _origin.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _oneAtATime.Dispose();
    }

    /// <summary>
    /// Runs one case against an engine (with <c>buffer-response</c> when asked) in the fixture's one page, as the
    /// runner does. One case at a time: the page runs one exchange at once, and the streaming case reads its clock.
    /// </summary>
    internal async Task<BrowserCaseRun> RunAsync(string engine, BrowserCase browserCase, bool buffered = false)
    {
        var target = (buffered ? _buffered : _clean)[engine];
        var environment = new BrowserEnvironment(
            new SpecEnvironment(target.TargetTemplate, _origin!.HttpUrl, SpecEnvironment.FindRefusedUrl())
            {
                OriginHttps = _origin.HttpsUrl,
                DeniedTargetUrl = SpecEnvironment.DeniedLoopbackUrl(_origin.HttpUrl),
            },
            _origin.PageUrl);
        await _oneAtATime.WaitAsync();
        try
        {
            return await BrowserRunner.RunCaseAsync(browserCase, environment, _page, CancellationToken.None);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
