using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>Trust for https upstreams: the system's roots plus the anchors in <c>--upstream-ca</c>.</summary>
public static class UpstreamTrust
{
    /// <returns>null when no extra anchor is given, so the platform's default validation applies.</returns>
    public static RemoteCertificateValidationCallback? CreateValidator(string? caPemPath)
    {
        if (caPemPath is null)
        {
            return null;
        }

        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(caPemPath);
        if (anchors.Count == 0)
        {
            throw new InvalidDataException($"{caPemPath} holds no PEM certificate");
        }

        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = new X509Certificate2(certificate);
            return chain.Build(leaf);
        };
    }
}
