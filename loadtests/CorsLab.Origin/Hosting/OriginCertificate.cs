using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CorsLab.Origin.Hosting;

/// <summary>The https listener's certificate: self-signed, made at start, valid for 127.0.0.1 and localhost.</summary>
internal static class OriginCertificate
{
    public static X509Certificate2 Create()
    {
        // P-256: every TLS stack accepts it and key generation takes microseconds, not RSA's milliseconds.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // A leaf, not a CA: strict verifiers (webpki/rustls) refuse a CA certificate as a server certificate.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Round-trip through PKCS#12 so the private key is a persisted one: SslStream on Windows refuses ephemeral keys.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the certificate alone (no key) as PEM, for clients and proxies to trust.</summary>
    public static void WritePem(X509Certificate2 certificate, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
    }
}
