using System.Net;
using System.Net.Sockets;
using CorsLab.Protocol.OriginTimings;
using CorsLab.Spec.Running;

namespace CorsLab.Spec;

/// <summary>Runs spec cases against a target, one after another, and reports each as a value.</summary>
public static class SpecRunner
{
    /// <summary>Connect timeout of the client under test: loopback answers in microseconds, so 5 s means nobody is there.</summary>
    private static readonly TimeSpan ProbeConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="cases"/> in order. Sequential on purpose: results are deterministic, and one
    /// case's load never skews another's timing judgement. Only <paramref name="cancellationToken"/> throws.
    /// </summary>
    public static async Task<SpecReport> RunAsync(
        IEnumerable<SpecCase> cases,
        SpecEnvironment environment,
        IProgress<SpecCaseResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(environment);
        var list = cases.ToList();
        if (list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"case id '{duplicate.Key}' appears more than once", nameof(cases));
        }

        using var client = CreateClient();
        var executor = new CaseExecutor(client, new OriginTimingsClient(client, environment.OriginHttp), environment);
        var results = new List<SpecCaseResult>(list.Count);
        foreach (var specCase in list)
        {
            var result = await executor.RunAsync(specCase, cancellationToken);
            results.Add(result);
            progress?.Report(result);
        }

        return new SpecReport(environment.TargetTemplate, results);
    }

    /// <summary>
    /// Whether anything answers HTTP at the template's authority, within <paramref name="timeout"/>. A refused
    /// connection fails at once with <c>target http://127.0.0.1:9/ is not reachable: connection refused</c>.
    /// Any HTTP status counts as reachable.
    /// </summary>
    public static async Task<SpecProbeResult> ProbeAsync(string targetTemplate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetTemplate);
        if (!Uri.TryCreate(targetTemplate.Replace("{url}", "x", StringComparison.Ordinal), UriKind.Absolute, out var parsed))
        {
            return new SpecProbeResult(false, $"target '{targetTemplate}' is not an absolute URL");
        }

        var root = new Uri(Placeholders.Base(parsed) + "/");
        using var client = CreateClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(root, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return new SpecProbeResult(true, $"target {root} answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return new SpecProbeResult(false, $"target {root} is not reachable: {Reason(ex)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SpecProbeResult(false, $"target {root} is not reachable: no answer within {timeout.TotalSeconds:0.#} s");
        }
    }

    private static string Reason(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData => "host not found",
                    SocketError.TimedOut => "connect timed out",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    _ => socket.SocketErrorCode.ToString(),
                };
            }
        }

        return BodyObserver.OneLine(ex);
    }

    /// <summary>
    /// A client that shows the target as it is: no redirects followed, no decompression, no cookies, no
    /// proxy, response heads up to 1 MB (the cases send 9 KB headers and read them back), no overall timeout
    /// (each case has its own).
    /// </summary>
    internal static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
        MaxResponseHeadersLength = 1024,
        ConnectTimeout = ProbeConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
