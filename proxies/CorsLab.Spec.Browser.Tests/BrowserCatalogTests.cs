namespace CorsLab.Spec.Browser.Tests;

/// <summary>The browser cases as data, and the browser's absence as one line.</summary>
public sealed class BrowserCatalogTests
{
    [Fact]
    public void EveryId_IsUnique_AndStartsWithBrowser()
    {
        var ids = BrowserCatalog.All.Select(c => c.Id).ToList();

        Assert.All(ids, id => Assert.StartsWith(BrowserCase.IdPrefix, id, StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(ids.Intersect(SpecCatalog.All.Select(c => c.Id), StringComparer.Ordinal));
    }

    [Fact]
    public async Task MissingChromium_FailsWithOneLine_SayingHowToInstallIt()
    {
        var error = await Assert.ThrowsAsync<ChromiumMissingException>(() => ChromiumSession.StartAsync("/nonexistent/chromium"));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
    }
}
