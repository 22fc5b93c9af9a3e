using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.MemberEvaluation;

public sealed record EvalVotes(int Excellent, int Qualified, int BasicallyQualified, int Unqualified)
{
    public int Total => Excellent + Qualified + BasicallyQualified + Unqualified;
}

public sealed record EvalFollowUp(DateOnly Deadline, string Measures, string? Outcome);

public sealed record EvalComment(string AuthorName, string Text);

public sealed record EvalParticipant(int Id, int MemberId, string Name, bool IsGraded, string? SelfAssessment, EvalVotes? Votes, string? Decided,
    decimal AssessmentScore, int Stars, EvalFollowUp? FollowUp, List<EvalComment> Comments);

public sealed record EvalRound(int Id, int UnitId, int Year, string Status, int EligibleVoters, int Quorum, int TokensIssued, int BallotsCast,
    bool QuorumMet, int MaxExcellent, DateOnly? MeetingDate, string? DecidedBy, List<EvalParticipant> Participants);

public sealed record EvalRoundRow(int Id, int UnitId, string Status);

public sealed record EvalForm(int RoundId, string Title, List<EvalFormMember> Members);

public sealed record EvalFormMember(int ParticipantId, string Name);

public sealed record EvalSummaryRow(int CommunityId, int Year, int Rounds, int Excellent, int Qualified, int BasicallyQualified, int Unqualified);

public sealed record EvalProblem(string Title, string Detail);

/// <summary>民主评议党员 through the API on a branch made for each test (full and probationary members), so that counts are exact.</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberEvaluationTests(JishiFactory factory)
{
    private const string Secretary = "sq09";

    /// <summary>A new branch of sq09's community with <paramref name="full"/> full and <paramref name="probationary"/> probationary members.</summary>
    private async Task<int> NewBranchAsync(int full, int probationary)
    {
        var community = await factory.CommunityOfAsync(Secretary);
        var admin = await factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/units", new { parentId = community.Id, kind = "Branch", name = "评议测试支部" + Guid.NewGuid().ToString("N")[..6] });
        created.EnsureSuccessStatusCode();
        var branchId = (await created.Content.ReadFromJsonAsync<UnitRow>())!.Id;
        await factory.WithDbAsync(async db =>
        {
            var branch = await db.Units.SingleAsync(u => u.Id == branchId);
            for (var i = 0; i < full + probationary; i++)
            {
                db.Members.Add(new Member(new MemberInput
                {
                    Name = $"评议{(i < full ? "正式" : "预备")}{i + 1:00}", Gender = i % 2 == 0 ? "男" : "女", Tier = "在职党员",
                    Category = i < full ? MemberCategory.Full : MemberCategory.Probationary,
                }, branch));
            }
            return await db.SaveChangesAsync();
        });
        return branchId;
    }

    private static async Task<EvalRound> CreateAsync(HttpClient client, int branchId, int year)
    {
        var response = await client.PostAsJsonAsync("/api/member-evaluations", new { unitId = branchId, year });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EvalRound>())!;
    }

    private static async Task<EvalRound> AdvanceAsync(HttpClient client, int id)
    {
        var response = await client.PostAsync($"/api/member-evaluations/{id}/advance", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EvalRound>())!;
    }

    private static async Task<List<string>> TokensAsync(HttpClient client, int id, int count)
    {
        var response = await client.PostAsJsonAsync($"/api/member-evaluations/{id}/tokens", new { count });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenList>())!.Tokens;
    }

    private sealed record TokenList(List<string> Tokens);

    /// <summary>A round with <paramref name="ballots"/> ballots cast, each grading everyone with <paramref name="grade"/>, and closed.</summary>
    private async Task<(HttpClient Client, EvalRound Round)> ClosedRoundAsync(int full, int ballots, int year, string grade = "Qualified")
    {
        var client = await factory.ClientForAsync(Secretary);
        var round = await CreateAsync(client, await NewBranchAsync(full, 1), year);
        await AdvanceAsync(client, round.Id);
        round = await AdvanceAsync(client, round.Id);
        var voter = factory.CreateClient();
        foreach (var token in await TokensAsync(client, round.Id, ballots))
        {
            var cast = await voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{token}", BallotOf(round, _ => grade));
            Assert.Equal(HttpStatusCode.NoContent, cast.StatusCode);
        }
        return (client, await AdvanceAsync(client, round.Id));
    }

    private static object BallotOf(EvalRound round, Func<int, string> gradeOf) =>
        new { grades = round.Participants.Where(p => p.IsGraded).Select((p, i) => new { participantId = p.Id, grade = gradeOf(i) }) };

    private static object DecisionOf(EvalRound round, Func<int, string> gradeOf) => new
    {
        meetingDate = new DateOnly(2016, 12, 20),
        grades = round.Participants.Where(p => p.IsGraded).Select((p, i) => new { participantId = p.Id, grade = gradeOf(i) }),
    };

    [Fact]
    public async Task Round_FromDraftToFollowUp_ProbationaryNotGradedVotesCountedDecisionRecorded()
    {
        var client = await factory.ClientForAsync(Secretary);
        var branchId = await NewBranchAsync(6, 2);
        var round = await CreateAsync(client, branchId, 2016);
        Assert.Equal(("Draft", 8, 6, 4, 2), (round.Status, round.Participants.Count, round.EligibleVoters, round.Quorum, round.MaxExcellent));
        Assert.All(round.Participants.Where(p => p.Name.Contains("预备")), p => Assert.False(p.IsGraded));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/member-evaluations", new { unitId = branchId, year = 2016 })).StatusCode);

        // 自评: the secretary enters one, a member with an account writes their own; then a signed peer comment.
        round = await AdvanceAsync(client, round.Id);
        var first = round.Participants[0];
        var entered = await client.PutAsJsonAsync($"/api/member-evaluations/{round.Id}/self-assessments/{first.Id}", new { text = "认真学习，按时交纳党费。" });
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        var member = await factory.ClientForNewAccountAsync(Roles.Member, branchId);
        var mine = await member.PutAsJsonAsync("/api/my/member-evaluation/self-assessment", new { text = "参加志愿服务十二次。" });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var comment = await client.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/comments",
            new { participantId = first.Id, authorName = "评议正式02", text = "工作积极，服务群众热情。" });
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);

        // Voting: the ballot lists the six full members only; a token works once; counts stay hidden until the close.
        round = await AdvanceAsync(client, round.Id);
        var tokens = await TokensAsync(client, round.Id, 6);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/tokens", new { count = 1 })).StatusCode);
        var voter = factory.CreateClient();
        var form = await voter.GetFromJsonAsync<EvalForm>($"/api/member-evaluations/ballots/{tokens[0]}");
        Assert.Equal(6, form!.Members.Count);
        Assert.DoesNotContain(form.Members, m => m.Name.Contains("预备"));
        var grades = new[] { "Excellent", "Excellent", "Qualified", "Qualified", "BasicallyQualified", "Unqualified" };
        foreach (var token in tokens.Take(5))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{token}", BallotOf(round, i => grades[i]))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{tokens[0]}", BallotOf(round, i => grades[i]))).StatusCode);
        var incomplete = new { grades = new[] { new { participantId = round.Participants[0].Id, grade = "Qualified" } } };
        Assert.Equal(HttpStatusCode.BadRequest, (await voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{tokens[5]}", incomplete)).StatusCode);
        var during = await client.GetFromJsonAsync<EvalRound>($"/api/member-evaluations/{round.Id}");
        Assert.Equal((6, 5, true), (during!.TokensIssued, during.BallotsCast, during.QuorumMet));
        Assert.All(during.Participants, p => Assert.Null(p.Votes));

        round = await AdvanceAsync(client, round.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{tokens[5]}", BallotOf(round, i => grades[i]))).StatusCode);
        var graded = round.Participants.Where(p => p.IsGraded).ToList();
        Assert.Equal(new EvalVotes(5, 0, 0, 0), graded[0].Votes);
        Assert.Equal(new EvalVotes(0, 0, 0, 5), graded[5].Votes);
        Assert.Equal("认真学习，按时交纳党费。", graded[0].SelfAssessment);
        Assert.Contains(round.Participants, p => p.SelfAssessment == "参加志愿服务十二次。");
        Assert.Equal("评议正式02", Assert.Single(graded[0].Comments).AuthorName);
        Assert.Equal((60m, 1), (graded[0].AssessmentScore, graded[0].Stars));

        var decided = await client.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/decision", DecisionOf(round, i => grades[i]));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        round = (await decided.Content.ReadFromJsonAsync<EvalRound>())!;
        Assert.Equal(("Decided", new DateOnly(2016, 12, 20), Secretary), (round.Status, round.MeetingDate, round.DecidedBy));
        Assert.Equal(grades, round.Participants.Where(p => p.IsGraded).Select(p => p.Decided!));
        Assert.All(round.Participants.Where(p => !p.IsGraded), p => Assert.Null(p.Decided));

        var unqualified = round.Participants.Single(p => p.Decided == "Unqualified");
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/member-evaluations/{round.Id}/follow-ups/{graded[0].Id}",
            new { deadline = "2017-06-30", measures = "x" })).StatusCode);
        var followed = await client.PutAsJsonAsync($"/api/member-evaluations/{round.Id}/follow-ups/{unqualified.Id}",
            new { deadline = "2017-06-30", measures = "每月参加组织生活，向支部书面汇报思想。", outcome = "Corrected" });
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        var after = (await followed.Content.ReadFromJsonAsync<EvalRound>())!.Participants.Single(p => p.Id == unqualified.Id);
        Assert.Equal(new EvalFollowUp(new DateOnly(2017, 6, 30), "每月参加组织生活，向支部书面汇报思想。", "Corrected"), after.FollowUp);

        var community = await factory.CommunityOfAsync(Secretary);
        var summary = await client.GetFromJsonAsync<List<EvalSummaryRow>>("/api/member-evaluations/summary?year=2016");
        var row = Assert.Single(summary!, r => r.CommunityId == community.Id);
        Assert.True(row is { Excellent: >= 2, Unqualified: >= 1 }, row.ToString());
    }

    [Fact]
    public async Task Ballots_40ConcurrentPlus10Repeats_EachCountedOnce()
    {
        var client = await factory.ClientForAsync(Secretary);
        var round = await CreateAsync(client, await NewBranchAsync(40, 0), 2031);
        await AdvanceAsync(client, round.Id);
        round = await AdvanceAsync(client, round.Id);
        var tokens = await TokensAsync(client, round.Id, 40);
        var voter = factory.CreateClient();

        var answers = await Task.WhenAll(tokens.Concat(tokens.Take(10))
            .Select((t, n) => voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{t}", BallotOf(round, i => (i + n) % 2 == 0 ? "Qualified" : "Excellent"))));

        Assert.Equal(40, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        round = await AdvanceAsync(client, round.Id);
        Assert.Equal(40, round.BallotsCast);
        Assert.All(round.Participants, p => Assert.Equal(40, p.Votes!.Total));
        Assert.Equal(40 * 40, round.Participants.Sum(p => p.Votes!.Total));
    }

    [Fact]
    public async Task Decide_HalfOfVotersOrFewer_ConflictNoQuorum()
    {
        var (client, round) = await ClosedRoundAsync(full: 6, ballots: 3, year: 2032);
        Assert.False(round.QuorumMet);

        var response = await client.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/decision", DecisionOf(round, _ => "Qualified"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("须超过半数", (await response.Content.ReadFromJsonAsync<EvalProblem>())!.Detail);
        Assert.Equal("Closed", (await client.GetFromJsonAsync<EvalRound>($"/api/member-evaluations/{round.Id}"))!.Status);
    }

    [Fact]
    public async Task Decide_MoreThanOneThirdExcellent_ValidationInChinese()
    {
        var (client, round) = await ClosedRoundAsync(full: 7, ballots: 4, year: 2033, grade: "Excellent");
        Assert.Equal(2, round.MaxExcellent);

        var response = await client.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/decision", DecisionOf(round, i => i < 3 ? "Excellent" : "Qualified"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("评为“优秀”的有 3 人，超过参评党员 7 人的三分之一（最多 2 人）", (await response.Content.ReadFromJsonAsync<EvalProblem>())!.Detail);
        var ok = await client.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/decision", DecisionOf(round, i => i < 2 ? "Excellent" : "Qualified"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Round_OtherCommunityOrOtherBranch_NotFoundAndNotListed()
    {
        var client = await factory.ClientForAsync(Secretary);
        var branchId = await NewBranchAsync(3, 0);
        var round = await CreateAsync(client, branchId, 2034);
        var community = await factory.CommunityOfAsync(Secretary);
        var otherBranch = (await factory.BranchesOfAsync(community.Id)).First(b => b.Id != branchId);
        var outsiders = new[] { await factory.ClientForAsync("sq02"), await factory.ClientForNewAccountAsync(Roles.BranchSecretary, otherBranch.Id) };

        foreach (var outsider in outsiders)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/member-evaluations/{round.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/member-evaluations/{round.Id}/advance", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync("/api/member-evaluations", new { unitId = branchId, year = 2035 })).StatusCode);
            Assert.DoesNotContain((await outsider.GetFromJsonAsync<List<EvalRoundRow>>("/api/member-evaluations"))!, r => r.Id == round.Id);
        }
        var own = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, branchId);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/member-evaluations/{round.Id}")).StatusCode);
        Assert.Equal("Draft", (await factory.WithDbAsync(db => db.EvaluationRounds.Where(r => r.Id == round.Id).Select(r => r.Status).SingleAsync())).ToString());
    }

    [Fact]
    public async Task Revote_QuorumMissed_SecondVoteCountedAfreshThenDecided()
    {
        var (client, round) = await ClosedRoundAsync(full: 6, ballots: 3, year: 2035);
        Assert.False(round.QuorumMet);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/member-evaluations/{round.Id}/advance", null)).StatusCode);

        var revote = await client.PostAsync($"/api/member-evaluations/{round.Id}/revote", null);

        Assert.Equal(HttpStatusCode.OK, revote.StatusCode);
        var reopened = (await revote.Content.ReadFromJsonAsync<EvalRound>())!;
        Assert.Equal(("Voting", 0, 0), (reopened.Status, reopened.TokensIssued, reopened.BallotsCast));
        var voter = factory.CreateClient();
        foreach (var token in await TokensAsync(client, round.Id, 4))
        {
            var cast = await voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{token}", BallotOf(round, _ => "Qualified"));
            Assert.Equal(HttpStatusCode.NoContent, cast.StatusCode);
        }
        var closed = await AdvanceAsync(client, round.Id);
        Assert.Equal((true, 4), (closed.QuorumMet, closed.BallotsCast));
        Assert.All(closed.Participants.Where(p => p.IsGraded), p => Assert.Equal(4, p.Votes!.Total));
        var decided = await client.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/decision", DecisionOf(round, _ => "Qualified"));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var again = await client.PostAsync($"/api/member-evaluations/{round.Id}/revote", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Revote_QuorumMet_ConflictInChineseAndVotesKept()
    {
        var (client, round) = await ClosedRoundAsync(full: 4, ballots: 3, year: 2036);
        Assert.True(round.QuorumMet);

        var revote = await client.PostAsync($"/api/member-evaluations/{round.Id}/revote", null);

        Assert.Equal(HttpStatusCode.Conflict, revote.StatusCode);
        Assert.Contains("已超过半数", (await revote.Content.ReadFromJsonAsync<EvalProblem>())!.Detail);
        Assert.Equal(3, (await client.GetFromJsonAsync<EvalRound>($"/api/member-evaluations/{round.Id}"))!.BallotsCast);
    }
}
