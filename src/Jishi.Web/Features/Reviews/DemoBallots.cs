using Jishi.Web.Data;
using Jishi.Web.Features.Reviews.Sealing;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Holds a past meeting for the demo the way a real one runs (ADR-015): the saved Draft campaign opens with a
/// server key, its evaluators' ballots are sealed, the close tallies them and destroys the key, and the results are
/// published. Deterministic grades (the seed's draws, as the story always had them); <c>jishi verify-campaign</c> passes on it.</summary>
public static class DemoBallots
{
    public static async Task HoldAsync(JishiDbContext db, ReviewCampaign campaign, Random random, CancellationToken ct)
    {
        var share = TrusteeShare.Create();
        Check(campaign.Open(SealedBallot.JointKey, (share.Prove(SealedBallot.TrusteeContext(campaign.Id, "")).ToBytes(), share.ToText())));
        var key = JointKey.FromBytes(campaign.BallotKey!);
        var ballots = new List<Ballot>();
        foreach (var group in campaign.VoterGroups.OrderBy(g => g.Id))
        {
            for (var voter = 0; voter < group.HeadCount; voter++)
            {
                var token = new BallotToken(campaign.Id, group.Id, BallotToken.HashOf(campaign.TokenKey!, BallotToken.NewToken()));
                db.BallotTokens.Add(token);
                var ratings = campaign.Subjects.OrderBy(s => s.Id)
                    .Select((s, i) => (s.Id, ReviewDimension.Overall, GradeOf(random.NextDouble() + i % 4 * 0.08))).ToList();
                ballots.Add(new Ballot(campaign.Id, group.Id, campaign.MeetingDate, SealedBallot.Seal(campaign, key, ratings)));
            }
        }
        db.Ballots.AddRange(ballots);
        Check(campaign.Close());
        db.BallotTallies.AddRange(CloseReview.TallyOf(campaign, ballots.Select(b => (b.VoterGroupId, b.Sealed)).ToList(), [share]));
        campaign.Tallied();
        Check(campaign.Publish());
        await db.SaveChangesAsync(ct);
        // Tokens are spent by the ballot writer's own statement; here all of them were.
        await db.BallotTokens.Where(t => t.CampaignId == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Used, true), ct);
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
