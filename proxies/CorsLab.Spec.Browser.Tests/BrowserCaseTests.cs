using CorsLab.Proxies.Catalog;

namespace CorsLab.Spec.Browser.Tests;

/// <summary>Every browser case against every engine process, in Chromium.</summary>
public sealed class BrowserCaseTests(BrowserLabFixture lab) : IClassFixture<BrowserLabFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in EngineCatalog.Names)
        {
            foreach (var browserCase in BrowserCatalog.All)
            {
                data.Add(engine, browserCase.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_Passes(string engine, string caseId)
    {
        var run = await lab.RunAsync(engine, BrowserCatalog.Find(caseId)!);

        Assert.True(run.Result.Outcome == SpecOutcome.Passed, $"{engine} {caseId}: {run.Result.Outcome}: {run.Result.Detail}");
    }

    /// <summary>
    /// With <c>buffer-response</c> the engine reads the whole drip before answering, so the page's first chunk can only
    /// come after the origin sent its last, 1.2 s after its first: the case fails, and the time shows why.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task BufferResponse_FailsTheStreamingCase_FirstChunkAfterTheWholeDrip(string engine)
    {
        var run = await lab.RunAsync(engine, BrowserCatalog.Find("browser-streaming-drip")!, buffered: true);

        Assert.Equal(SpecOutcome.Failed, run.Result.Outcome);
        Assert.StartsWith("buffered:", run.Result.Detail, StringComparison.Ordinal);

        // The origin's last chunk leaves DripMilliseconds after its first, which leaves after the request: a causal
        // bound, less a little for timers that fire a millisecond early.
        var first = Assert.NotNull(run.Seen?.FirstChunkMs);
        Assert.True(first >= BrowserCatalog.Drip.DripMilliseconds - 50, $"{engine}: first chunk after {first} ms");
    }

    public static TheoryData<string> Engines() => new(EngineCatalog.Names);
}
