using System.Net;
using System.Security.Cryptography.X509Certificates;
using CorsLab.Origin.Endpoints;
using CorsLab.Origin.Provocations;
using CorsLab.Origin.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CorsLab.Origin.Hosting;

/// <summary>Builds the origin's web application: Kestrel on loopback, timing first, then the endpoints.</summary>
internal static class OriginApp
{
    /// <param name="pageListener">Receives the page listener's options (null when there is none); its endpoint holds the bound port once started.</param>
    public static WebApplication Build(OriginOptions options, X509Certificate2 certificate, TimingStore store, Action<ListenOptions>? pageListener = null)
    {
        // The empty builder reads no configuration, environment or appsettings: the origin is the same wherever it runs.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(OriginApp).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A load origin must not be the bottleneck or the judge: no body size cap, no minimum data rates
            // (a starved proxy under test would otherwise be cut off by the origin and blamed for it).
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Listen(IPAddress.Loopback, LoopbackUrl.Port(options.HttpUrl), listen => listen.Use(Http10Connection.Wrap));
            if (options.HttpsUrl is { } httpsUrl)
            {
                kestrel.Listen(IPAddress.Loopback, LoopbackUrl.Port(httpsUrl), listen => listen.UseHttps(certificate));
            }

            if (options.PageUrl is { } pageUrl)
            {
                kestrel.Listen(IPAddress.Loopback, LoopbackUrl.Port(pageUrl), listen => pageListener?.Invoke(listen));
            }
        });

        var app = builder.Build();
        app.UseMiddleware<TimingMiddleware>(store);
        app.UseMiddleware<AbortedRequestMiddleware>();
        app.UseMiddleware<ProvocationMiddleware>(new IdleConnectionCloser());
        app.UseRouting();
        OriginEndpoints.Map(app);
        app.MapGet(TimingsEndpoint.Path, new TimingsEndpoint(store).HandleAsync);
        return app;
    }
}
