using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Proxies.Core.Tests;

public sealed class RouteClassifierTests
{
    [Fact]
    public void OptionsOnRoot_IsPreflight() =>
        Assert.Equal(RouteKind.Preflight, RouteClassifier.Classify("OPTIONS", "/"));

    [Fact]
    public void OptionsOnEmptyPath_IsPreflight() =>
        Assert.Equal(RouteKind.Preflight, RouteClassifier.Classify("OPTIONS", ""));

    [Fact]
    public void OptionsOnRootWithQuery_IsPreflight()
    {
        // The classifier sees the path only; a query on the preflight does not turn it into a proxy call.
        var uri = new Uri("http://127.0.0.1/?url=http%3A%2F%2F127.0.0.1%2F");
        Assert.Equal(RouteKind.Preflight, RouteClassifier.Classify("OPTIONS", uri.AbsolutePath));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    public void AnyOtherMethodOnRoot_IsProxy(string method) =>
        Assert.Equal(RouteKind.Proxy, RouteClassifier.Classify(method, "/"));

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public void GetOrHeadOnHealthcheck_IsHealth(string method) =>
        Assert.Equal(RouteKind.Health, RouteClassifier.Classify(method, "/healthcheck"));

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public void OtherMethodsOnHealthcheck_AreNotFound(string method) =>
        Assert.Equal(RouteKind.NotFound, RouteClassifier.Classify(method, "/healthcheck"));

    [Theory]
    [InlineData("/foo")]
    [InlineData("/healthcheck/x")]
    [InlineData("/healthcheck/")]
    [InlineData("//")]
    [InlineData("/index.html")]
    public void OtherPaths_AreNotFound(string path)
    {
        Assert.Equal(RouteKind.NotFound, RouteClassifier.Classify("GET", path));
        Assert.Equal(RouteKind.NotFound, RouteClassifier.Classify("OPTIONS", path));
    }
}
