namespace CorsLab.Proxies.Core.Contract;

/// <summary>The outcome of reading the <c>url</c> query parameter.</summary>
public enum TargetUrlStatus
{
    Valid,
    Missing,
    Invalid,
}
