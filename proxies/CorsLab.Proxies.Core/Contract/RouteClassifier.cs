namespace CorsLab.Proxies.Core.Contract;

/// <summary>The contract's routing table. Engines ask it; none defines routes of its own.</summary>
public static class RouteClassifier
{
    public const string HealthPath = "/healthcheck";

    public static RouteKind Classify(ReadOnlySpan<char> method, ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path.SequenceEqual("/"))
        {
            // Preflight wins over forwarding, as the Express cors() middleware answered OPTIONS before any route.
            return method.SequenceEqual("OPTIONS") ? RouteKind.Preflight : RouteKind.Proxy;
        }

        if (path.SequenceEqual(HealthPath) && (method.SequenceEqual("GET") || method.SequenceEqual("HEAD")))
        {
            return RouteKind.Health;
        }

        return RouteKind.NotFound;
    }
}
