using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Jishi.Web.Features.Cli;

/// <summary>A self-signed server certificate for an intranet without a reverse proxy: the names and addresses phones use
/// (localhost, the machine's LAN addresses, any host names given) in its subject alternative names, valid for five years.</summary>
public static class SelfSignedCertificate
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(5 * 365);

    public static X509Certificate2 Create(IEnumerable<string> hosts, IEnumerable<IPAddress> addresses, DateTimeOffset now)
    {
        var names = new SubjectAlternativeNameBuilder();
        var dnsNames = new[] { "localhost" }.Concat(hosts).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var host in dnsNames)
        {
            names.AddDnsName(host);
        }
        foreach (var ip in new[] { IPAddress.Loopback }.Concat(addresses).Distinct())
        {
            names.AddIpAddress(ip);
        }
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsNames[^1]}, O=Jishi", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(now.AddDays(-1), now.Add(Validity));
    }
}
