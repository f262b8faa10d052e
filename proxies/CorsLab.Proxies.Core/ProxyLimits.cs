namespace CorsLab.Proxies.Core;

/// <summary>Size limits and timeouts every engine enforces. Invalid values throw at the setter.</summary>
public sealed record ProxyLimits
{
    /// <summary>Kestrel's default MaxRequestHeadersTotalSize (32 KB): a header block beyond it gets 431.</summary>
    public int MaxRequestHeaderBytes { get; init => field = Positive(value); } = 32 * 1024;

    /// <summary>Kestrel's default MaxRequestLineSize (8 KB): a longer request line gets 414.</summary>
    public int MaxRequestLineBytes { get; init => field = Positive(value); } = 8 * 1024;

    /// <summary>Long enough for a cross-region TCP handshake with retries; short enough to fail before a browser does.</summary>
    public TimeSpan ConnectTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(10);

    /// <summary>How long the upstream may take to send its response head (<c>--upstream-timeout</c>); then 504. Node's http default is no limit; 30 s matches common gateways (nginx proxy_read_timeout 60 s, ALB 60 s idle) while failing earlier.</summary>
    public TimeSpan ResponseHeadTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(30);

    /// <summary>How long a body may sit idle in either direction before the exchange is aborted (nginx's proxy_read_timeout).</summary>
    public TimeSpan BodyIdleTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Concurrent client connections (<c>--max-connections</c>); over it a new connection is closed at once, and
    /// upstream sockets are capped at the same number. Default: what the process's open-file limit leaves
    /// (<see cref="DescriptorBudget"/>), so the engine cannot run itself out of descriptors (Kestrel has no cap by default).
    /// </summary>
    public int MaxConnections { get; init => field = Positive(value); } = DescriptorBudget.MaxConnectionsFor(DescriptorBudget.OpenFileLimit());

    private static int Positive(int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be greater than zero");

    private static TimeSpan Positive(TimeSpan value) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be greater than zero");
}
