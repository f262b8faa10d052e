using Microsoft.Playwright;

namespace CorsLab.Spec.Browser;

/// <summary>
/// One headless Chromium, Debian's <c>chromium</c> package, driven through Playwright's bundled node driver. Playwright
/// never downloads a browser here: it is given the installed executable and a fresh profile folder, deleted at dispose.
/// Start one per suite and reuse it: a launch costs about a second, a page a few milliseconds.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    /// <summary>Where Debian's <c>chromium</c> package installs the browser (<c>scripts/setup.sh</c> installs it).</summary>
    public const string DefaultExecutable = "/usr/bin/chromium";

    /// <summary>Names another Chromium build to launch instead of <see cref="DefaultExecutable"/>.</summary>
    public const string ExecutableVariable = "CORSLAB_CHROMIUM";

    /// <summary>
    /// Headless on a server with no GPU and no sandbox (root in a container). The rest silence Chromium's own traffic
    /// (updates, sync, QUIC probes, field trials): on this lab's machines its outbound connections are refused, and
    /// bursts of refused connections stalled the page's own requests.
    /// </summary>
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    /// <summary>The browser's one context: pages opened in it share cookies, as tabs of one profile do.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The executable <see cref="StartAsync"/> launches: <see cref="ExecutableVariable"/> when set, else <see cref="DefaultExecutable"/>.</summary>
    public static string ConfiguredExecutable =>
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured ? configured : DefaultExecutable;

    /// <exception cref="ChromiumMissingException">No browser at <paramref name="executable"/>; the message says how to install it.</exception>
    public static async Task<ChromiumSession> StartAsync(string? executable = null, CancellationToken cancellationToken = default)
    {
        executable ??= ConfiguredExecutable;
        if (!File.Exists(executable))
        {
            throw new ChromiumMissingException(executable);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var profile = Directory.CreateTempSubdirectory("corslab-chromium-").FullName;
        IPlaywright? playwright = null;
        ChromiumSession? session = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Arguments,
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            });
            session = new ChromiumSession(playwright, context, profile);
            return session;
        }
        finally
        {
            if (session is null)
            {
                playwright?.Dispose();
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's last writes can race the delete; the folder is under the temp directory and small.
        }
    }
}
