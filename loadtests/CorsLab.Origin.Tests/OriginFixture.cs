using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CorsLab.Origin.Tests;

/// <summary>One origin on 127.0.0.1, free ports, shared by the tests of <see cref="OriginCollection"/>.</summary>
public sealed class OriginFixture : IAsyncLifetime
{
    private OriginHost? _host;

    public OriginHost Host => _host ?? throw new InvalidOperationException("The origin is not started.");

    public async Task InitializeAsync() => _host = await OriginHost.StartAsync(new OriginOptions(), CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A client as the lab makes them: no redirects, no proxy, the origin's certificate as the only trusted root.</summary>
    public HttpClient CreateClient(int maxConnections = int.MaxValue) => CreateClient(Host, maxConnections);

    public static HttpClient CreateClient(OriginHost host, int maxConnections = int.MaxValue)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            MaxConnectionsPerServer = maxConnections,
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = TrustOnly(host.CertificatePemPath) },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    public static X509ChainPolicy TrustOnly(string pemPath)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(pemPath)));
        return policy;
    }

    public Uri Url(string pathAndQuery) => new(Host.HttpUrl, pathAndQuery);
}

[CollectionDefinition(Name)]
public sealed class OriginCollection : ICollectionFixture<OriginFixture>
{
    public const string Name = "origin";
}
