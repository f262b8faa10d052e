using System.Globalization;

namespace CorsLab.Proxies.Core;

/// <summary>
/// How many connections this process can hold before it runs out of file descriptors. Past the limit the runtime
/// cannot open its own files and aborts, and accept loops spin on EMFILE, so the default connection cap is derived
/// from the process's open-file limit (the soft <c>RLIMIT_NOFILE</c>, as <c>ulimit -n</c> or <c>prlimit</c> set it).
/// </summary>
public static class DescriptorBudget
{
    /// <summary>
    /// Descriptors kept for the engine process itself. A Kestrel engine holds ~185 once serving (assemblies, epoll,
    /// pipes); assemblies still load lazily later (Kestrel's status phrases with the first error response: a load that
    /// fails for want of a descriptor breaks that type for good); connections over the cap each hold a descriptor until
    /// they are closed. With 252 kept, a burst of 150 connections against a 384 limit broke a Kestrel engine that way;
    /// with 316 it held. A fixed number, not the count open at start, so the default is the same for every options
    /// object of a process.
    /// </summary>
    public const int Reserved = 320;

    /// <summary>
    /// A client connection holds its own socket, at most one upstream socket in use, and can leave one idle in the
    /// upstream pool after it closes.
    /// </summary>
    public const int PerConnection = 3;

    /// <summary>The cap where the limit is high or unknown: far above any load scenario here, as the pipelines engine had it.</summary>
    public const int Ceiling = 10_000;

    /// <summary>The default <see cref="ProxyLimits.MaxConnections"/> for an open-file limit (null: unknown).</summary>
    public static int MaxConnectionsFor(long? openFileLimit) =>
        openFileLimit is { } limit
            ? (int)Math.Clamp((limit - Reserved) / PerConnection, 1, Ceiling)
            : Ceiling;

    /// <summary>The soft open-file limit of this process, from <c>/proc/self/limits</c>; null where that cannot be read.</summary>
    public static long? OpenFileLimit()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                // "Max open files            1024                 1048576              files"
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var soft = line["Max open files".Length..].TrimStart().Split(' ', 2)[0];
                    return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
