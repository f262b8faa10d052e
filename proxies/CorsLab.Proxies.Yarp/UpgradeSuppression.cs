using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsLab.Proxies.Yarp;

/// <summary>
/// Hides Kestrel's <see cref="IHttpUpgradeFeature"/> while YARP forwards. YARP re-adds <c>Connection</c> and
/// <c>Upgrade</c> after the transformer for WebSocket/SPDY upgrades; the contract forwards neither (they are
/// hop-by-hop, and the original gateway never tunnelled), so such a request goes upstream as a plain one.
/// </summary>
internal readonly struct UpgradeSuppression : IDisposable
{
    private readonly HttpContext? _context;
    private readonly IHttpUpgradeFeature? _feature;

    private UpgradeSuppression(HttpContext context, IHttpUpgradeFeature feature)
    {
        _context = context;
        _feature = feature;
    }

    public static UpgradeSuppression Apply(HttpContext context)
    {
        var feature = context.Features.Get<IHttpUpgradeFeature>();
        if (feature is not { IsUpgradableRequest: true })
        {
            return default;
        }

        context.Features.Set<IHttpUpgradeFeature>(null);
        return new UpgradeSuppression(context, feature);
    }

    public void Dispose()
    {
        if (_context is not null)
        {
            _context.Features.Set(_feature);
        }
    }
}
