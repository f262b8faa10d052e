using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>The one thing a Kestrel-based engine supplies: how a validated request reaches the target.</summary>
public interface IRequestForwarder
{
    /// <returns>null on success; otherwise the failure, which <see cref="ContractFrontEnd"/> turns into a response.</returns>
    ValueTask<UpstreamFailure?> ForwardAsync(HttpContext context, Uri target);

    /// <summary>Logs a failure <see cref="ContractFrontEnd"/> is mapping, with the engine's own event ids.</summary>
    void LogFailure(UpstreamFailure failure, Uri target);
}
