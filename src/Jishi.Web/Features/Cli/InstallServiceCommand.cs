using System.CommandLine;
using System.Diagnostics;
using Jishi.Web.Data;

namespace Jishi.Web.Features.Cli;

/// <summary><c>install-service</c> / <c>uninstall-service</c>: registers this executable as the systemd unit
/// <c>jishi.service</c> (Linux) or the Windows service <c>Jishi</c>, with the data folder in use now written into its
/// command line (a Windows service starts in System32). <c>--print</c> only shows the file and the commands.</summary>
public static partial class JishiCli
{
    public const string ServiceName = "Jishi";
    public const string SystemdUnitFile = "/etc/systemd/system/jishi.service";

    /// <summary>The systemd unit (Type=notify through Microsoft.Extensions.Hosting.Systemd).</summary>
    public static string SystemdUnit(string executable, string dataDirectory, string user, string urls) => $"""
        [Unit]
        Description=Jishi 基石 党建工作平台
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=notify
        User={user}
        WorkingDirectory={Path.GetDirectoryName(executable)}
        ExecStart={executable} --urls {urls} --Jishi:DataDirectory={dataDirectory}
        Restart=on-failure
        TimeoutStopSec=30

        [Install]
        WantedBy=multi-user.target

        """;

    /// <summary>The programs and arguments that register (or remove) the service on this operating system.</summary>
    public static IReadOnlyList<string[]> ServiceCommands(bool install, bool windows, string executable, string dataDirectory, string urls) =>
        (install, windows) switch
        {
            (true, true) =>
            [
                ["sc.exe", "create", ServiceName, "binPath=", $"\"{executable}\" --urls {urls} --Jishi:DataDirectory=\"{dataDirectory}\"",
                    "start=", "auto", "DisplayName=", "基石 Jishi"],
                ["sc.exe", "start", ServiceName],
            ],
            (false, true) => [["sc.exe", "stop", ServiceName], ["sc.exe", "delete", ServiceName]],
            (true, false) => [["systemctl", "daemon-reload"], ["systemctl", "enable", "--now", "jishi"]],
            (false, false) => [["systemctl", "disable", "--now", "jishi"], ["systemctl", "daemon-reload"]],
        };

    private static Command ServiceCommand(CliContext cli, bool install)
    {
        var print = new Option<bool>("--print") { Description = cli["Svc.Cli.Print"] };
        var user = new Option<string>("--user") { Description = cli["Svc.Cli.User"], DefaultValueFactory = _ => "root" };
        var urls = new Option<string>("--urls") { Description = cli["Svc.Cli.Urls"], DefaultValueFactory = _ => "http://0.0.0.0:5080" };
        var command = new Command(install ? "install-service" : "uninstall-service",
            cli[install ? "Svc.Cli.Install.Description" : "Svc.Cli.Uninstall.Description"]) { print };
        if (install)
        {
            command.Options.Add(user);
            command.Options.Add(urls);
        }
        command.SetAction(async (parsed, ct) =>
        {
            var executable = Environment.ProcessPath!;
            var data = DatabaseSetup.DataDirectory(cli.Configuration);
            var windows = OperatingSystem.IsWindows();
            var unit = install && !windows ? SystemdUnit(executable, data, parsed.GetValue(user)!, parsed.GetValue(urls)!) : null;
            var steps = ServiceCommands(install, windows, executable, data, parsed.GetValue(urls)!);
            if (parsed.GetValue(print))
            {
                Console.Out.Write(unit is null ? "" : $"# {SystemdUnitFile}\n{unit}\n");
                Console.Out.WriteLine(string.Join("\n", steps.Select(s => string.Join(' ', s))));
                return 0;
            }
            if (unit is not null)
            {
                await File.WriteAllTextAsync(SystemdUnitFile, unit, ct);
            }
            for (var i = 0; i < steps.Count; i++)
            {
                if (i == 1 && !install && !windows)
                {
                    // Disabled first (systemctl needs the file for that), then gone before systemd reloads its units.
                    File.Delete(SystemdUnitFile);
                }
                using var run = Process.Start(new ProcessStartInfo(steps[i][0], steps[i][1..]) { UseShellExecute = false })!;
                await run.WaitForExitAsync(ct);
                if (run.ExitCode != 0)
                {
                    return cli.Fail(new Shared.Error("Svc.Cli.Failed", StatusCodes.Status500InternalServerError, string.Join(' ', steps[i]), run.ExitCode));
                }
            }
            return cli.Say(install ? "Svc.Cli.Installed" : "Svc.Cli.Uninstalled", ServiceName, data);
        });
        return command;
    }
}
