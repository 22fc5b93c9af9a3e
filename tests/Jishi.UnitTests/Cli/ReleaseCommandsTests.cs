using System.Net;
using System.Security.Cryptography.X509Certificates;
using Jishi.Web.Features.Cli;

namespace Jishi.UnitTests.Cli;

public sealed class ReleaseCommandsTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SelfSignedCertificate_HostsAndLanAddress_AllInSubjectAlternativeNamesForFiveYears()
    {
        using var certificate = SelfSignedCertificate.Create(["dj.example.cn"], [IPAddress.Parse("192.168.1.23")], IssuedAt);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost", "dj.example.cn"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.Parse("192.168.1.23")], names.EnumerateIPAddresses());
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(IssuedAt.Add(SelfSignedCertificate.Validity).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        var serverAuth = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
        Assert.Contains(serverAuth.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
    }

    [Fact]
    public void SystemdUnit_InstalledRelease_NotifyTypeWithTheDataFolderOnItsCommandLine()
    {
        var unit = JishiCli.SystemdUnit("/opt/jishi/jishi", "/var/lib/jishi/data", "jishi", "http://0.0.0.0:5080");
        Assert.Contains("Type=notify\n", unit, StringComparison.Ordinal);
        Assert.Contains("User=jishi\n", unit, StringComparison.Ordinal);
        Assert.Contains("ExecStart=/opt/jishi/jishi --urls http://0.0.0.0:5080 --Jishi:DataDirectory=/var/lib/jishi/data\n", unit, StringComparison.Ordinal);
        Assert.Contains("WantedBy=multi-user.target", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceCommands_Windows_CreateWithQuotedPathsThenStart_UninstallStopsThenDeletes()
    {
        var install = JishiCli.ServiceCommands(true, true, @"C:\jishi\jishi.exe", @"C:\jishi\data", "http://0.0.0.0:5080");
        Assert.Equal(["sc.exe", "create", "Jishi", "binPath=", "\"C:\\jishi\\jishi.exe\" --urls http://0.0.0.0:5080 --Jishi:DataDirectory=\"C:\\jishi\\data\""],
            install[0][..5]);
        Assert.Equal(["sc.exe", "start", "Jishi"], install[1]);
        Assert.Equal([["sc.exe", "stop", "Jishi"], ["sc.exe", "delete", "Jishi"]], JishiCli.ServiceCommands(false, true, "", "", ""));
        Assert.Equal(["systemctl", "disable", "--now", "jishi"], JishiCli.ServiceCommands(false, false, "", "", "")[0]);
    }
}
