using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Cli;

/// <summary>The <c>jishi</c> commands, run from the same executable: <c>dotnet run --project src/Jishi.Web -- COMMAND</c>.
/// Exit codes: 0 done, 1 refused or failed, 2 not a command (help is printed).</summary>
public static partial class JishiCli
{
    private static readonly string[] CliOptions = ["-h", "--help", "-?", "/?", "/h", "--version"];

    /// <summary>A first word that is neither a host option (<c>--urls …</c>) nor configuration (<c>Key=value</c>) names a
    /// command (or asks for the help or the version); an unknown one gets the help rather than a silently started server.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (CliOptions.Contains(args[0]) || (!args[0].StartsWith('-') && !args[0].Contains('=')));

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PlatformSetup.Cultures[0];
        var cli = ActivatorUtilities.CreateInstance<CliContext>(app.Services);
        var root = new RootCommand(cli["Cli.Description"]) { Migrate(cli), SeedDemo(cli), Backup(cli), Restore(cli), CreateUser(cli), VerifyLedgerCommand(cli), VerifyCampaignCommand(cli), ResetPasswordCommand(cli),
            CreateCertificateCommand(cli), ServiceCommand(cli, install: true), ServiceCommand(cli, install: false) };
        AddImportMembers(root, cli);
        LocalizeHelp(root, cli);
        var parsed = root.Parse(args);
        var exit = await parsed.InvokeAsync();
        return parsed.Errors.Count > 0 ? 2 : exit;
    }

    /// <summary>System.CommandLine translates its help into Chinese except the help option itself.</summary>
    private static void LocalizeHelp(RootCommand root, CliContext cli)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = cli["Cli.Help"];
        }
    }

    /// <summary>Implemented in ImportMembersCommand.cs once the Excel import is part of the build.</summary>
    static partial void AddImportMembers(RootCommand root, CliContext cli);

    private static Command Migrate(CliContext cli)
    {
        var command = new Command("migrate", cli["Cli.Migrate.Description"]);
        command.SetAction((_, ct) => cli.RunAsync(async (sp, ct) =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            return cli.Say("Cli.Migrate.Done");
        }, ct));
        return command;
    }

    private static Command SeedDemo(CliContext cli)
    {
        var command = new Command("seed-demo", cli["Cli.SeedDemo.Description"]);
        command.SetAction((_, ct) => cli.RunAsync(async (sp, ct) =>
        {
            var outcome = await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            if (outcome.GeneratedAdminPassword is { } admin)
            {
                cli.Say("Cli.AdminPassword", DatabaseInitializer.AdminUserName, admin);
            }
            if (outcome.DemoPassword is { } demo)
            {
                cli.Say("Cli.SeedDemo.DemoPassword", demo);
            }
            return cli.Say(outcome.DemoLoaded ? "Cli.SeedDemo.Loaded" : "Cli.SeedDemo.Skipped");
        }, ct));
        return command;
    }

    private static Argument<string> FileArgument(CliContext cli, string description) => new("FILE") { Description = cli[description] };

    private static Command Backup(CliContext cli)
    {
        var file = FileArgument(cli, "Cli.Backup.File");
        var command = new Command("backup", cli["Cli.Backup.Description"]) { file };
        command.SetAction((parsed, ct) => cli.RunAsync(async (sp, ct) =>
        {
            var path = parsed.GetRequiredValue(file);
            var written = await CliContext.Handler<DatabaseBackup>(sp).BackupAsync(path, ct);
            return written.IsSuccess ? cli.Say("Cli.Backup.Done", Path.GetFullPath(path), written.Value) : cli.Fail(written.Error!);
        }, ct));
        return command;
    }

    private static Command Restore(CliContext cli)
    {
        var file = FileArgument(cli, "Cli.Restore.File");
        var yes = new Option<bool>("--yes", "-y") { Description = cli["Cli.Restore.Yes"] };
        var command = new Command("restore", cli["Cli.Restore.Description"]) { file, yes };
        command.SetAction((parsed, ct) => cli.RunAsync(async (sp, ct) =>
        {
            var path = Path.GetFullPath(parsed.GetRequiredValue(file));
            var backup = CliContext.Handler<DatabaseBackup>(sp);
            var contents = await backup.InspectAsync(path, ct);
            if (contents.Error is { } refused)
            {
                return cli.Fail(refused);
            }
            if (!parsed.GetValue(yes) && !cli.Confirm("Cli.Restore.Confirm", path, backup.Target))
            {
                return cli.Fail(new Error("Cli.Restore.Cancelled", StatusCodes.Status400BadRequest));
            }
            var restored = await backup.RestoreAsync(path, contents.Value!, ct);
            return restored.IsSuccess ? cli.Say("Cli.Restore.Done", path, contents.Value!.Pending) : cli.Fail(restored.Error!);
        }, ct));
        return command;
    }

    private static Command CreateUser(CliContext cli)
    {
        var user = new Option<string>("--user") { Description = cli["Cli.CreateUser.User"], Required = true };
        var name = new Option<string>("--name") { Description = cli["Cli.CreateUser.Name"], Required = true };
        var role = new Option<string>("--role") { Description = cli["Cli.CreateUser.Role"], Required = true };
        role.AcceptOnlyFromAmong(Roles.All);
        var unit = new Option<int>("--unit") { Description = cli["Cli.CreateUser.Unit"], Required = true };
        var password = new Option<string>("--password") { Description = cli["Cli.CreateUser.Password"] };
        var command = new Command("create-user", cli["Cli.CreateUser.Description"]) { user, name, role, unit, password };
        command.SetAction((parsed, ct) => cli.RunAsync(async (sp, ct) =>
        {
            var given = parsed.GetValue(password);
            var secret = string.IsNullOrEmpty(given) ? DatabaseInitializer.GeneratePassword() : given;
            var created = await CliContext.Handler<AccountAdmin>(sp).CreateAsync(new AccountAdmin.CreateRequest(
                parsed.GetRequiredValue(user), parsed.GetRequiredValue(name), secret, parsed.GetRequiredValue(role), parsed.GetValue(unit)), ct);
            if (created.Value is not { } account)
            {
                return cli.Fail(created.Error!);
            }
            cli.Say("Cli.CreateUser.Done", account.UserName, account.DisplayName, account.Roles[0], account.UnitName, account.UnitId);
            return string.IsNullOrEmpty(given) ? cli.Say("Cli.CreateUser.Generated", secret) : cli.Say("Cli.CreateUser.MustChange");
        }, ct));
        return command;
    }
}
