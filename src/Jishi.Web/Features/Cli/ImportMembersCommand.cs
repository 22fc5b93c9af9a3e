using System.CommandLine;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared.Excel;

namespace Jishi.Web.Features.Cli;

/// <summary><c>import-members FILE.xlsx [--unit ID]</c>: the same all-or-nothing Excel import as the roster screen.</summary>
public static partial class JishiCli
{
    static partial void AddImportMembers(RootCommand root, CliContext cli)
    {
        var file = FileArgument(cli, "Cli.ImportMembers.File");
        var unit = new Option<int?>("--unit") { Description = cli["Cli.ImportMembers.Unit"] };
        var command = new Command("import-members", cli["Cli.ImportMembers.Description"]) { file, unit };
        command.SetAction((parsed, ct) => cli.RunAsync(async (sp, ct) =>
        {
            var path = Path.GetFullPath(parsed.GetRequiredValue(file));
            if (!File.Exists(path))
            {
                return cli.Fail(new Shared.Error("Cli.Restore.Missing", StatusCodes.Status404NotFound, path));
            }
            await using var stream = File.OpenRead(path);
            var imported = await CliContext.Handler<ImportMembers>(sp).HandleAsync(stream, parsed.GetValue(unit), ct);
            if (imported.Error is ImportFailed failed)
            {
                cli.Say("Cli.ImportMembers.Failed");
                foreach (var problem in failed.Problems)
                {
                    Console.Error.WriteLine(problem.Message);
                }
                return 1;
            }
            if (imported.Error is { } error)
            {
                return cli.Fail(error);
            }
            var summary = imported.Value!;
            if (summary.Derived.Count > 0)
            {
                cli.Say("Roster.CliDerived", summary.Derived.Count, string.Join("、", summary.Derived.GroupBy(d => d.Value).Select(g => $"{g.Key} {g.Count()}")));
            }
            if (summary.Kept.Count > 0)
            {
                cli.Say("Roster.CliKept", string.Join("、", summary.Kept));
            }
            if (summary.Ignored.Count > 0)
            {
                cli.Say("Roster.CliIgnored", string.Join("、", summary.Ignored));
            }
            return cli.Say("Cli.ImportMembers.Done", summary.Imported);
        }, ct));
        root.Add(command);
    }
}
