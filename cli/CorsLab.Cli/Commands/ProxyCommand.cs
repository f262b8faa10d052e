using System.CommandLine;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Proxies.Catalog;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Hosting;
using CorsLab.Proxies.Core.Policy;
using CorsLab.Proxies.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CorsLab.Cli.Commands;

/// <summary><c>corslab proxy</c>: one engine in this process until Ctrl+C.</summary>
internal static class ProxyCommand
{
    private static readonly Option<string> Engine = new("--engine") { Description = $"engine name: {string.Join(", ", EngineCatalog.Names)}", Required = true };
    private static readonly Option<string> Urls = new("--urls") { Description = "listen address: one http://ADDRESS:PORT, loopback unless --allow-remote", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
    private static readonly Option<bool> AllowRemote = new("--allow-remote") { Description = "allow --urls beyond loopback (an open proxy to whatever this host reaches)" };
    private static readonly Option<string[]> Faults = new("--fault") { Description = $"fault to reproduce (repeatable): {string.Join(", ", FaultNames.Usages)}", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> Allow = new("--allow-target") { Description = "allowed target host or CIDR (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> Deny = new("--deny-target") { Description = "denied target host or CIDR (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> UpstreamCa = new("--upstream-ca") { Description = "PEM file of extra trust anchors for https upstreams" };
    private static readonly Option<string?> UpstreamTimeout = new("--upstream-timeout") { Description = "response-head timeout (seconds or 500ms/2s/1m; default 30s)" };
    private static readonly Option<string?> ConnectTimeout = new("--connect-timeout") { Description = "upstream connect timeout (default 10s)" };
    private static readonly Option<string?> IdleTimeout = new("--body-idle-timeout") { Description = "body idle timeout, either direction (default 60s)" };
    private static readonly Option<string?> MaxConnections = new("--max-connections") { Description = "concurrent client connections (and upstream sockets); over it a new connection is closed at once (default: what the open-file limit leaves, (ulimit -n - 320) / 3, at most 10000)" };
    private static readonly Option<string?> OtlpEndpoint = TraceOptions.Endpoint("export traces and the engine meter over OTLP to this collector (default: OTEL_EXPORTER_OTLP_ENDPOINT; neither: no export)");
    private static readonly Option<string?> Sampling = TraceOptions.Sampling("ratio of requests traced, 0 to 1 (default: OTEL_TRACES_SAMPLER, else every request)");
    private static readonly Option<string?> Level = new("--log-level") { Description = "least severe log record on stderr: Trace, Debug, Information, Warning (default), Error, Critical, None" };

    public static Command Create()
    {
        var command = new Command("proxy", "Run one proxy engine on its own.");
        foreach (var option in new Option[] { Engine, Urls, AllowRemote, Faults, Allow, Deny, UpstreamCa, UpstreamTimeout, ConnectTimeout, IdleTimeout, MaxConnections, Level, OtlpEndpoint, Sampling })
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>The arguments that start <paramref name="engine"/> as a lab child with the given extra flags.</summary>
    public static List<string> Arguments(string engine, string urls, IEnumerable<string> extra) =>
        ["proxy", "--engine", engine, "--urls", urls, .. extra];

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var engine = EngineOption.Parse(parse.GetRequiredValue(Engine));
        SocketCompletionMode.Apply(engine);
        var faults = EngineOption.ParseFaults(engine, parse.GetValue(Faults) ?? []);
        var urls = ListenUrl.Parse(Urls.Name, parse.GetRequiredValue(Urls), parse.GetValue(AllowRemote), out var remote);
        var options = new ProxyOptions
        {
            Urls = urls,
            Faults = faults.Faults,
            AddedLatency = faults.AddedLatency,
            PoolLimit = faults.PoolLimit,
            CpuTaxPercent = faults.CpuTaxPercent,
            Policy = new TargetPolicy(ParseRules(Allow, parse.GetValue(Allow)), ParseRules(Deny, parse.GetValue(Deny))),
            Limits = ParseLimits(parse),
            UpstreamCaPath = PemFile(UpstreamCa.Name, parse.GetValue(UpstreamCa)),
        };
        var otlpEndpoint = TraceOptions.ParseEndpoint(OtlpEndpoint, parse.GetValue(OtlpEndpoint));
        var sampling = TraceOptions.ParseSampling(Sampling, parse.GetValue(Sampling));
        if (parse.GetValue(Level) is { } level)
        {
            options = options with { LogLevel = ParseLogLevel(level) };
        }

        if (remote)
        {
            await Console.Error.WriteLineAsync($"corslab: warning: listening on {urls}, beyond loopback: anyone who reaches this port can use the proxy to reach what this host reaches");
        }

        using var tracing = ProxyTracing.Start(engine.Name, otlpEndpoint, sampling);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ParentWatch.Start());
        await engine.RunAsync(
            options,
            url => Console.Out.WriteLine(ReadyLine.Format(
                ("url", url.ToString().TrimEnd('/')),
                ("engine", engine.Name),
                ("pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("max_connections", options.Limits.MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            stop.Token);
        return ExitCodes.Success;
    }

    private static ProxyLimits ParseLimits(ParseResult parse)
    {
        var limits = new ProxyLimits();
        if (parse.GetValue(UpstreamTimeout) is { } head)
        {
            limits = limits with { ResponseHeadTimeout = DurationOption.Parse(UpstreamTimeout.Name, head) };
        }

        if (parse.GetValue(ConnectTimeout) is { } connect)
        {
            limits = limits with { ConnectTimeout = DurationOption.Parse(ConnectTimeout.Name, connect) };
        }

        if (parse.GetValue(IdleTimeout) is { } idle)
        {
            limits = limits with { BodyIdleTimeout = DurationOption.Parse(IdleTimeout.Name, idle) };
        }

        if (parse.GetValue(MaxConnections) is { } max)
        {
            limits = limits with { MaxConnections = ParseCount(MaxConnections.Name, max) };
        }

        return limits;
    }

    private static int ParseCount(string option, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new UsageException($"{option}: '{text}' is not a whole number from 1 to {int.MaxValue}");

    private static LogLevel ParseLogLevel(string text)
    {
        // By name only: Enum.TryParse would also take "7" or "Warning,Error".
        foreach (var level in Enum.GetValues<LogLevel>())
        {
            if (string.Equals(level.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        throw new UsageException($"{Level.Name}: unknown level '{text}'; valid levels: {string.Join(", ", Enum.GetNames<LogLevel>())}");
    }

    private static TargetRule[] ParseRules(Option option, string[]? values)
    {
        try
        {
            return (values ?? []).Select(TargetRule.Parse).ToArray();
        }
        catch (FormatException error)
        {
            throw new UsageException($"{option.Name}: {error.Message}");
        }
    }

    /// <summary>A file holding at least one PEM certificate, or a usage error (a trust file that trusts nothing is a mistake).</summary>
    private static string? PemFile(string option, string? path)
    {
        if (ExistingFile(option, path) is not { } existing)
        {
            return null;
        }

        var certificates = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(existing);
        }
        catch (System.Security.Cryptography.CryptographicException error)
        {
            throw new UsageException($"{option}: '{existing}' is not a PEM certificate file ({error.Message.TrimEnd('.')}); give one or more -----BEGIN CERTIFICATE----- blocks");
        }

        return certificates.Count > 0
            ? existing
            : throw new UsageException($"{option}: '{existing}' holds no PEM certificate; give one or more -----BEGIN CERTIFICATE----- blocks");
    }

    internal static string? ExistingFile(string option, string? path) =>
        path is null || File.Exists(path) ? path : throw new UsageException($"{option}: file '{path}' does not exist");
}
