using System.CommandLine;
using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Cli;

/// <summary><c>create-certificate [--host NAME]… [--out FILE]</c>: writes a self-signed certificate (.pfx, with a generated
/// password) and prints the settings that make Kestrel serve HTTPS with it.</summary>
public static partial class JishiCli
{
    private static Command CreateCertificateCommand(CliContext cli)
    {
        var hosts = new Option<string[]>("--host") { Description = cli["Cert.Cli.Host"], AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = cli["Cert.Cli.Out"] };
        var command = new Command("create-certificate", cli["Cert.Cli.Description"]) { hosts, output };
        command.SetAction((parsed, ct) => cli.RunAsync((sp, _) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var file = Path.GetFullPath(parsed.GetValue(output) is { Length: > 0 } given
                ? given : Path.Combine(DatabaseSetup.DataDirectory(config), "jishi.pfx"));
            var password = DatabaseInitializer.GeneratePassword();
            using var certificate = SelfSignedCertificate.Create(parsed.GetValue(hosts) ?? [], SiteAddress.LanAddresses(),
                sp.GetRequiredService<TimeProvider>().GetUtcNow());
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, password));
            return Task.FromResult(cli.Say("Cert.Cli.Done", file, password, certificate.NotAfter.ToString("yyyy-MM-dd")));
        }, ct));
        return command;
    }
}
