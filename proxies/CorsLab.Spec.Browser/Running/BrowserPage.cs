using System.Text.Json;
using Microsoft.Playwright;

namespace CorsLab.Spec.Browser.Running;

/// <summary>
/// One tab on the page origin, reused for every case of a run. It keeps Chromium's console lines, because the reason
/// for a CORS refusal is logged there and never reaches the script.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IPage _page;
    private readonly Uri _address;
    private readonly List<string> _console = [];
    private readonly Lock _consoleLock = new();

    private BrowserPage(IPage page, Uri address)
    {
        _page = page;
        _address = address;
        _page.Console += (_, message) =>
        {
            lock (_consoleLock)
            {
                _console.Add($"{message.Type}: {message.Text}");
            }
        };
    }

    /// <param name="origin">The page listener's base URL; the page is its <c>/page</c>.</param>
    public static async Task<BrowserPage> OpenAsync(ChromiumSession browser, Uri origin)
    {
        var page = new BrowserPage(await browser.NewPageAsync(), new Uri(origin, "/page"));
        await page.ReloadAsync();
        return page;
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="argument"/> in the page and returns what it reported.</summary>
    /// <exception cref="TimeoutException">No report within <paramref name="timeout"/>; the page is reloaded, which cancels what it was doing.</exception>
    public async Task<PageObservation> ExchangeAsync(string script, object argument, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_consoleLock)
        {
            _console.Clear();
        }

        JsonElement? reported;
        try
        {
            reported = await _page.EvaluateAsync<JsonElement?>(script, argument).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await ReloadAsync();
            throw;
        }

        var seen = reported?.Deserialize<PageObservation>(Json) ?? throw new PlaywrightException("the page's script returned nothing");
        lock (_consoleLock)
        {
            return seen with { Console = [.. _console] };
        }
    }

    public ValueTask DisposeAsync() => new(_page.CloseAsync());

    private async Task ReloadAsync()
    {
        var response = await _page.GotoAsync(_address.ToString());
        if (response is not { Ok: true })
        {
            throw new PlaywrightException($"the page {_address} did not load (status {response?.Status})");
        }
    }
}
