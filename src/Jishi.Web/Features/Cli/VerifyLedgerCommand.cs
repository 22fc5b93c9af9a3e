using System.CommandLine;
using Jishi.Web.Features.Points;

namespace Jishi.Web.Features.Cli;

/// <summary><c>verify-ledger</c>: recomputes every points balance from the ledger; exit 0 when all match, 1 otherwise.</summary>
public static partial class JishiCli
{
    private static Command VerifyLedgerCommand(CliContext cli)
    {
        var command = new Command("verify-ledger", cli["Cli.VerifyLedger.Description"]);
        command.SetAction((_, ct) => cli.RunAsync(async (sp, ct) =>
        {
            var report = await CliContext.Handler<VerifyLedger>(sp).HandleAsync(ct);
            foreach (var d in report.Differences)
            {
                Console.Error.WriteLine(cli.Format("Cli.VerifyLedger.Difference", d.MemberId, d.Year, d.StoredEarned, d.LedgerEarned,
                    d.StoredVetoes, d.LedgerVetoes, d.StoredScore, d.ExpectedScore));
                if (d.StoredRedeemed != d.LiveRedeemed)
                {
                    Console.Error.WriteLine(cli.Format("Shops.VerifyRedeemedDifference", d.MemberId, d.Year, d.StoredRedeemed, d.LiveRedeemed));
                }
            }
            return report.Differences.Count == 0
                ? cli.Say("Cli.VerifyLedger.Done", report.Entries, report.Balances)
                : cli.Fail(new Shared.Error("Cli.VerifyLedger.Failed", StatusCodes.Status500InternalServerError, report.Differences.Count, report.Balances));
        }, ct));
        return command;
    }
}
