using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>The demo's 2016 民主评议党员 of the first community's first branch, decided at the branch meeting of 2016-12-20:
/// self-assessments, a signed peer comment, the anonymous ballots' counts (one spent token per ballot, as voting leaves them),
/// one third 优秀 at most, and one 不合格 member under 限期改正. Deterministic: the same demo every time.</summary>
public static class EvaluationDemo
{
    private static readonly DateTime Meeting = new(2016, 12, 20, 7, 0, 0, DateTimeKind.Utc);

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var year = demo.Year(2016);
        var at = demo.At(Meeting);
        var community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).FirstAsync(ct);
        var branch = await db.Units.Where(u => u.ParentId == community.Id && u.Kind == UnitKind.Branch).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).FirstAsync(ct);
        var members = await db.Members.AsNoTracking().Within(branch.Path).Where(m => m.Status == MemberStatus.Active)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name, m.Category, m.Status }).ToListAsync(ct);
        var round = new EvaluationRound(branch.Id, year, $"{branch.Name}{year}年度民主评议党员", "sq01", demo.At(Meeting.AddDays(-20)));
        round.Participants.AddRange(members.Select(m => new EvaluationParticipant(m.Id, m.Name, EvaluationRules.IsGraded(m.Category, m.Status))));
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync(ct);

        var graded = round.Participants.Where(p => p.IsGraded).ToList();
        foreach (var p in round.Participants.Take(3))
        {
            p.WriteSelfAssessment("一年来认真学习党的理论，按时参加组织生活、交纳党费，参加社区志愿服务，"
                + "不足是联系群众还不够经常，今后要多走访困难群众。", "sq01", demo.At(Meeting.AddDays(-12)));
        }
        db.EvaluationComments.Add(new EvaluationComment(round.Id, graded[0].Id, graded[1].Name, "带头参加创城志愿服务，热心帮助邻里。", "sq01", demo.At(Meeting.AddDays(-10))));

        // Two members fewer than the eligible voters came to the meeting; every one of them voted.
        var voters = graded.Count - 2;
        var decided = graded.Select((_, i) => i < EvaluationRules.MaxExcellent(graded.Count) ? MemberGrade.Excellent
            : i == graded.Count - 1 ? MemberGrade.Unqualified
            : i == graded.Count - 2 ? MemberGrade.BasicallyQualified
            : MemberGrade.Qualified).ToList();
        db.EvaluationTokens.AddRange(Enumerable.Range(0, voters).Select(_ => new EvaluationToken(round.Id, BallotToken.HashOf(BallotToken.NewToken()))));
        await db.SaveChangesAsync(ct);
        await db.EvaluationTokens.Where(t => t.RoundId == round.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Used, true), ct);
        for (var i = 0; i < graded.Count; i++)
        {
            // Most voters chose the grade the branch decided; a few chose the next one.
            var main = voters - 2 - i % 3;
            var next = (MemberGrade)Math.Min((int)decided[i] + 1, (int)MemberGrade.Unqualified);
            var votes = Enum.GetValues<MemberGrade>().ToDictionary(g => g, g => (g == decided[i] ? main : 0) + (g == next ? voters - main : 0));
            await db.EvaluationParticipants.Where(p => p.Id == graded[i].Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Excellent, votes[MemberGrade.Excellent])
                .SetProperty(p => p.Qualified, votes[MemberGrade.Qualified])
                .SetProperty(p => p.BasicallyQualified, votes[MemberGrade.BasicallyQualified])
                .SetProperty(p => p.Unqualified, votes[MemberGrade.Unqualified]), ct);
        }
        while (round.TryAdvance())
        {
        }
        round.Decide(graded.Select((p, i) => (p.Id, decided[i])).ToDictionary(x => x.Id, x => x.Item2), DateOnly.FromDateTime(at), "sq01", at);
        graded[^1].RecordFollowUp(demo.Due(2017, 6, 30), "限期半年改正：每月参加一次组织生活并书面汇报思想，由支部委员结对帮助。", null, null, "sq01");
        await db.SaveChangesAsync(ct);
    }
}
