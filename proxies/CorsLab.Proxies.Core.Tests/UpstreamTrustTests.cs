using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Core.Tests;

public sealed class UpstreamTrustTests : IDisposable
{
    private readonly List<string> _files = [];
    private readonly List<X509Certificate2> _certificates = [];

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }

        foreach (var certificate in _certificates)
        {
            certificate.Dispose();
        }
    }

    [Fact]
    public void NullPath_GivesNoCallback() =>
        Assert.Null(UpstreamTrust.CreateValidator(null));

    [Fact]
    public void EmptyPemFile_ThrowsInvalidData()
    {
        var path = WriteTemp("");

        var error = Assert.Throws<InvalidDataException>(() => UpstreamTrust.CreateValidator(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnchorCertificate_IsTrustedDespiteChainErrors()
    {
        var anchor = SelfSigned("127.0.0.1");
        var validator = ValidatorFor(anchor);

        Assert.True(validator(new object(), anchor, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void OtherSelfSignedCertificate_IsRejected()
    {
        var validator = ValidatorFor(SelfSigned("127.0.0.1"));
        var stranger = SelfSigned("127.0.0.1");

        Assert.False(validator(new object(), stranger, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors)]
    public void NameMismatch_IsRejectedEvenForTheAnchor(SslPolicyErrors errors)
    {
        var anchor = SelfSigned("127.0.0.1");

        Assert.False(ValidatorFor(anchor)(new object(), anchor, null, errors));
    }

    [Fact]
    public void MissingCertificate_IsRejected() =>
        Assert.False(ValidatorFor(SelfSigned("127.0.0.1"))(new object(), null, null, SslPolicyErrors.RemoteCertificateNotAvailable));

    [Fact]
    public void PlatformValidCertificate_IsTrusted()
    {
        var validator = ValidatorFor(SelfSigned("127.0.0.1"));

        Assert.True(validator(new object(), SelfSigned("127.0.0.1"), null, SslPolicyErrors.None));
    }

    [Fact]
    public void LeafIssuedByAnchorCa_IsTrusted()
    {
        var (ca, leaf) = CaAndLeaf();
        var validator = ValidatorFor(ca);

        Assert.True(validator(new object(), leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(ValidatorFor(SelfSigned("127.0.0.1"))(new object(), leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void SeveralAnchorsInOnePem_AreAllTrusted()
    {
        var first = SelfSigned("127.0.0.1", "first anchor");
        var second = SelfSigned("127.0.0.1", "second anchor");
        var validator = UpstreamTrust.CreateValidator(WriteTemp(first.ExportCertificatePem() + "\n" + second.ExportCertificatePem()))!;

        Assert.True(validator(new object(), first, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.True(validator(new object(), second, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public async Task TlsHandshakeOverLoopback_SucceedsWithTheAnchor()
    {
        var server = SelfSignedWithKey("127.0.0.1");

        var echoed = await HandshakeAndEchoAsync(server, ValidatorFor(server));

        Assert.Equal(42, echoed);
    }

    [Fact]
    public async Task TlsHandshakeOverLoopback_FailsWithAnotherAnchor()
    {
        var server = SelfSignedWithKey("127.0.0.1");
        var validator = ValidatorFor(SelfSigned("127.0.0.1"));

        await Assert.ThrowsAsync<AuthenticationException>(() => HandshakeAndEchoAsync(server, validator));
    }

    private static async Task<int> HandshakeAndEchoAsync(X509Certificate2 serverCertificate, RemoteCertificateValidationCallback validator)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var serverTask = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptTcpClientAsync(cancel.Token);
            await using var tls = new SslStream(accepted.GetStream());
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = serverCertificate }, cancel.Token);
                var buffer = new byte[1];
                await tls.ReadExactlyAsync(buffer, cancel.Token);
                await tls.WriteAsync(buffer, cancel.Token);
                await tls.FlushAsync(cancel.Token);
            }
            catch (Exception error) when (error is AuthenticationException or IOException)
            {
                // The client refused the certificate; the client side reports it.
            }
        });

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancel.Token);
        await using var clientTls = new SslStream(client.GetStream());
        try
        {
            await clientTls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", RemoteCertificateValidationCallback = validator },
                cancel.Token);
            await clientTls.WriteAsync(new byte[] { 42 }, cancel.Token);
            var reply = new byte[1];
            await clientTls.ReadExactlyAsync(reply, cancel.Token);
            return reply[0];
        }
        finally
        {
            client.Close();
            await serverTask;
        }
    }

    private RemoteCertificateValidationCallback ValidatorFor(X509Certificate2 anchor)
    {
        var validator = UpstreamTrust.CreateValidator(WriteTemp(anchor.ExportCertificatePem()));
        Assert.NotNull(validator);
        return validator;
    }

    private string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"corslab-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, content);
        _files.Add(path);
        return path;
    }

    private X509Certificate2 SelfSigned(string ip, string? commonName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Track(CreateRequest(ip, key, commonName).CreateSelfSigned(NotBefore, NotAfter));
    }

    private X509Certificate2 SelfSignedWithKey(string ip)
    {
        // RSA keeps the server side portable across TLS stacks.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={ip}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        AddServerExtensions(request, ip);
        return Track(request.CreateSelfSigned(NotBefore, NotAfter));
    }

    private (X509Certificate2 Ca, X509Certificate2 Leaf) CaAndLeaf()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=CorsLab Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = Track(caRequest.CreateSelfSigned(NotBefore, NotAfter));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = CreateRequest("127.0.0.1", leafKey);
        var leaf = Track(leafRequest.Create(ca, NotBefore, NotAfter.AddMinutes(-1), [1, 2, 3, 4]));
        return (ca, leaf);
    }

    private static CertificateRequest CreateRequest(string ip, ECDsa key, string? commonName = null)
    {
        var request = new CertificateRequest($"CN={commonName ?? ip}", key, HashAlgorithmName.SHA256);
        AddServerExtensions(request, ip);
        return request;
    }

    private static void AddServerExtensions(CertificateRequest request, string ip)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Parse(ip));
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
    }

    private X509Certificate2 Track(X509Certificate2 certificate)
    {
        _certificates.Add(certificate);
        return certificate;
    }

    private static DateTimeOffset NotBefore => DateTimeOffset.UtcNow.AddDays(-1);

    private static DateTimeOffset NotAfter => DateTimeOffset.UtcNow.AddDays(1);
}
