using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CorsLab.Proxies.Core.Telemetry;

/// <summary>One logging setup for every engine: the level and sink from <see cref="ProxyOptions"/>.</summary>
public static class ProxyLogging
{
    public static void Configure(ILoggingBuilder logging, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(options);
        logging.ClearProviders();
        logging.SetMinimumLevel(options.LogLevel);
        if (options.LoggerProvider is { } provider)
        {
            logging.AddProvider(provider);
            return;
        }

        // stdout carries the ready line a parent corslab waits for; every record goes to stderr, one line each.
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
