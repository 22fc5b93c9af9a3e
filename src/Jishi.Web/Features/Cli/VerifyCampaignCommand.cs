using System.CommandLine;
using Jishi.Web.Features.Reviews;

namespace Jishi.Web.Features.Cli;

/// <summary><c>verify-campaign ID</c>: checks a tallied 述职评议 without any key (<see cref="VerifyCampaign"/>); exit 0 when
/// every proof and sum holds, 1 otherwise.</summary>
public static partial class JishiCli
{
    private static Command VerifyCampaignCommand(CliContext cli)
    {
        var id = new Argument<int>("ID") { Description = cli["Cli.VerifyCampaign.Id"] };
        var command = new Command("verify-campaign", cli["Cli.VerifyCampaign.Description"]) { id };
        command.SetAction((parsed, ct) => cli.RunAsync(async (sp, ct) =>
        {
            var campaignId = parsed.GetValue(id);
            if (await CliContext.Handler<VerifyCampaign>(sp).CheckStoredAsync(campaignId, ct) is not { } report)
            {
                return cli.Fail(new Shared.Error("Cli.VerifyCampaign.NotTallied", StatusCodes.Status404NotFound, campaignId));
            }
            foreach (var problem in report.Problems)
            {
                Console.Error.WriteLine(problem);
            }
            return report.Ok
                ? cli.Say("Cli.VerifyCampaign.Done", campaignId, report.Ballots, report.Sums)
                : cli.Fail(new Shared.Error("Cli.VerifyCampaign.Failed", StatusCodes.Status500InternalServerError, campaignId, report.Problems.Count));
        }, ct));
        return command;
    }
}
