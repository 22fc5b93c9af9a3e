using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dashboard;

/// <summary>Gives the dashboard's review panels something to show in the demo: the published 2015 campaign gets the ballots of
/// its twelve evaluators, and a published 2014 campaign (with daily scores) is added before it, so that results and a two-year
/// trend appear. Deterministic: the same grades on every machine.</summary>
public static class DashboardDemo
{
    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var lastYear = demo.Year(2015);
        var last = await db.ReviewCampaigns.Include(c => c.Subjects).Include(c => c.VoterGroups).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Year == lastYear && c.Status == ReviewStatus.Published, ct);
        if (last is null)
        {
            return;
        }
        var unitIds = last.Subjects.Select(s => s.UnitId).ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var earlier = new ReviewCampaign(last.StreetId, $"{demo.Year(2014)}年度社区党组织书记抓基层党建工作述职评议", demo.Year(2014), demo.Date(2014, 2, 12));
        foreach (var (s, i) in last.Subjects.OrderBy(s => s.Id).Select((s, i) => (s, i)))
        {
            earlier.AddSubject(units[s.UnitId], s.Name).Value!.SetDailyScore(78 + (i * 7 % 17));
        }
        earlier.AddVoterGroup("街道党工委成员", 1, 12);
        Check(earlier.Open());
        Check(earlier.Close());
        Check(earlier.Publish());
        db.ReviewCampaigns.Add(earlier);
        await db.SaveChangesAsync(ct);

        Vote(db, earlier, new Random(2014));
        Vote(db, last, new Random(2015));
        await db.SaveChangesAsync(ct);
        // Tokens are spent by the ballot writer's own statement; here all of them were.
        var ids = new[] { earlier.Id, last.Id };
        await db.BallotTokens.Where(t => ids.Contains(t.CampaignId)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Used, true), ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>One ballot per evaluator of the campaign's only group, every subject rated, and the running tallies to match.</summary>
    private static void Vote(JishiDbContext db, ReviewCampaign campaign, Random random)
    {
        var group = campaign.VoterGroups.Single();
        var subjects = campaign.Subjects.OrderBy(s => s.Id).ToList();
        var counts = new Dictionary<(int SubjectId, Grade Grade), int>();
        for (var voter = 0; voter < group.HeadCount; voter++)
        {
            db.BallotTokens.Add(new BallotToken(campaign.Id, group.Id, BallotToken.HashOf(BallotToken.NewToken())));
            var ratings = subjects.Select((s, i) => (s.Id, ReviewDimension.Overall, GradeOf(random.NextDouble() + i % 4 * 0.08))).ToList();
            foreach (var (subjectId, _, grade) in ratings)
            {
                counts[(subjectId, grade)] = counts.GetValueOrDefault((subjectId, grade)) + 1;
            }
            db.Ballots.Add(new Ballot(campaign.Id, group.Id, campaign.MeetingDate, Ballot.NewReceipt(), ratings));
        }
        db.BallotTallies.AddRange(subjects.SelectMany(s => Enum.GetValues<Grade>().Select(g =>
            new BallotTally(campaign.Id, s.Id, group.Id, ReviewDimension.Overall, g, counts.GetValueOrDefault((s.Id, g))))));
    }

    private static Grade GradeOf(double draw) => draw switch
    {
        < 0.55 => Grade.Good,
        < 0.85 => Grade.FairlyGood,
        < 1.0 => Grade.Average,
        _ => Grade.Poor,
    };

    private static void Check(Shared.Error? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException("Demo data breaks a rule: " + error.Code);
        }
    }
}
