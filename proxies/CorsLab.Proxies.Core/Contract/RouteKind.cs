namespace CorsLab.Proxies.Core.Contract;

/// <summary>What the contract does with a request, decided from its method and path alone.</summary>
public enum RouteKind
{
    Preflight,
    Proxy,
    Health,
    NotFound,
}
