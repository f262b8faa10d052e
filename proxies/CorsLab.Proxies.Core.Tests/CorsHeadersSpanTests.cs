using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Proxies.Core.Tests;

/// <summary><see cref="CorsHeaders.ApplySpans{TState}"/> writes exactly what the string <c>Apply</c> writes.</summary>
public sealed class CorsHeadersSpanTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("https://app.test", null)]
    [InlineData("https://app.test", "")]
    [InlineData("https://app.test", "  ")]
    [InlineData("https://app.test", "Accept-Encoding")]
    [InlineData("https://app.test", "Accept-Encoding, origin")]
    [InlineData("https://app.test", "*")]
    [InlineData("https://app.test", "Accept, Accept-Encoding, Accept-Language, User-Agent, X-A-Very-Long-Header-Name-To-Pass-The-Stack-Buffer, X-Another-Quite-Long-Header-Name, X-Yet-Another-Header-Name-Here, X-And-One-More-For-Good-Measure")]
    public void ApplySpans_WritesWhatApplyWrites(string? origin, string? vary)
    {
        var expected = new List<string>();
        CorsHeaders.Apply(origin, vary, expected, static (list, name, value) => list.Add($"{name}: {value}"));
        var actual = new List<string>();
        CorsHeaders.ApplySpans(origin, vary, actual, static (list, name, value) => list.Add($"{name}: {value}"));

        Assert.Equal(expected, actual);
    }
}
