using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Points;

/// <summary>Two options of issue 4 on sq06's community in 2024 (no other test uses either): 社区复核, where an entry the
/// branch approves waits for the community, and 免评 of 年老体弱 members by the branch's decision.</summary>
[Collection(ApiCollection.Name)]
public sealed class RuleOptionsTests(JishiFactory factory)
{
    private sealed record SetRow(int Id, int Version, string Status, decimal BaseScore, string StarThresholds, List<RuleFull> Rules, bool CommunityReview);

    private sealed record RuleFull(string Code, string Name, decimal Points, string Unit, decimal? CapPerMonth, decimal? CapPerYear,
        bool NeedsApproval, bool NeedsEvidence, bool IsVeto);

    private sealed record ReviewedRow(long Id, string Status, string? ReviewedBy, string? ApprovedBy);

    private sealed record ExemptionRow(int Id, int MemberId, string MemberName, int Year, string DecidedBy, DateOnly DecidedOn, string Reason);

    [Fact]
    public async Task CommunityReview_BranchApprovesFirst_CountsOnlyAfterCommunityApproves()
    {
        var admin = await factory.ClientForAsync("admin");
        var draft = (await (await admin.PostAsJsonAsync("/api/points/rulesets", new { tier = "在职", year = 2024 })).Content.ReadFromJsonAsync<SetRow>())!;
        var revised = await admin.PutAsJsonAsync($"/api/points/rulesets/{draft.Id}",
            new { draft.BaseScore, draft.StarThresholds, draft.Rules, communityReview = true });
        Assert.True((await revised.Content.ReadFromJsonAsync<SetRow>())!.CommunityReview);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/points/rulesets/{draft.Id}/adopt", null)).StatusCode);

        var community = await factory.CommunityOfAsync("sq06");
        var branch = (await factory.BranchesOfAsync(community.Id))[0];
        var member = await factory.WithDbAsync(db => db.Members.Where(m => m.Unit!.Path.StartsWith(branch.Path) && m.Tier == "在职")
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var branchSecretary = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, branch.Id);
        var communitySecretary = await factory.ClientForAsync("sq06");
        async Task<decimal> ScoreAsync() => (await communitySecretary.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2024"))!.AssessmentScore;

        var entry = (await (await branchSecretary.PostEntryAsync(member, RuleCodes.WishFulfilled, occurredOn: "2024-05-01")).Content.ReadFromJsonAsync<EntryCreatedRow>())!;
        Assert.Equal("Pending", entry.Status);
        var first = await branchSecretary.PostAsync($"/api/points/entries/{entry.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var reviewed = (await first.Content.ReadFromJsonAsync<ReviewedRow>())!;
        Assert.Equal(("Pending", (string?)null), (reviewed.Status, reviewed.ApprovedBy));
        Assert.NotNull(reviewed.ReviewedBy);
        Assert.Equal(60m, await ScoreAsync());

        // The branch has had its say: approving or rejecting again is the community's.
        var again = await branchSecretary.PostAsync($"/api/points/entries/{entry.Id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("社区复核", (await again.Content.ReadFromJsonAsync<ProblemRow>())!.Detail ?? (await again.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Conflict,
            (await branchSecretary.PostAsJsonAsync($"/api/points/entries/{entry.Id}/reject", new { reason = "重复" })).StatusCode);

        var final = await communitySecretary.PostAsync($"/api/points/entries/{entry.Id}/approve", null);
        Assert.Equal("Approved", (await final.Content.ReadFromJsonAsync<ReviewedRow>())!.Status);
        Assert.Equal(63m, await ScoreAsync());

        // The community may also turn an entry down before the branch has looked at it.
        var second = (await (await branchSecretary.PostEntryAsync(member, RuleCodes.WishFulfilled, occurredOn: "2024-06-01")).Content.ReadFromJsonAsync<EntryCreatedRow>())!;
        var rejected = await communitySecretary.PostAsJsonAsync($"/api/points/entries/{second.Id}/reject", new { reason = "未见服务记录" });
        Assert.Equal("Rejected", (await rejected.Content.ReadFromJsonAsync<ReviewedRow>())!.Status);
        Assert.Equal(63m, await ScoreAsync());
        Assert.Empty((await factory.WithDbAsync(db => new VerifyLedger(db).HandleAsync(CancellationToken.None))).Differences);
    }

    [Fact]
    public async Task Exemption_ElderlyMember_ShownExemptOnYearEndAndNotWarned()
    {
        var secretary = await factory.ClientForAsync("sq06");
        var community = await factory.CommunityOfAsync("sq06");
        var elderly = (await factory.MembersAsync("sq06", "年老体弱"))[0];
        var working = (await factory.MembersAsync("sq06"))[0];
        object Request(int memberId, string? reason = "长期卧床，无法参加组织生活") =>
            new { memberId, year = 2024, decidedBy = "第一党支部支委会", decidedOn = "2024-01-10", reason };

        var notElderly = await secretary.PostAsJsonAsync("/api/points/exemptions", Request(working));
        Assert.Equal(HttpStatusCode.BadRequest, notElderly.StatusCode);
        Assert.Contains("年老体弱", (await notElderly.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["memberId"][0]);
        var noReason = await secretary.PostAsJsonAsync("/api/points/exemptions", Request(elderly, reason: " "));
        Assert.Contains("免评理由", (await noReason.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["reason"][0]);
        var otherCommunity = await factory.ClientForAsync("sq02");
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommunity.PostAsJsonAsync("/api/points/exemptions", Request(elderly))).StatusCode);

        var created = await secretary.PostAsJsonAsync("/api/points/exemptions", Request(elderly));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("第一党支部支委会", (await created.Content.ReadFromJsonAsync<ExemptionRow>())!.DecidedBy);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync("/api/points/exemptions", Request(elderly))).StatusCode);
        Assert.Contains((await secretary.GetFromJsonAsync<List<ExemptionRow>>("/api/points/exemptions?year=2024"))!, x => x.MemberId == elderly);
        Assert.DoesNotContain((await otherCommunity.GetFromJsonAsync<List<ExemptionRow>>("/api/points/exemptions?year=2024"))!, x => x.MemberId == elderly);

        // Everyone stands at the base score in 2024, within the watch margin: all warned but the exempted member.
        var warnings = await secretary.GetFromJsonAsync<List<WarningItem>>($"/api/points/warnings?unitId={community.Id}&year=2024");
        Assert.DoesNotContain(warnings!, w => w.MemberId == elderly);
        Assert.Contains(warnings!, w => w.MemberId == working);
        var sheet = await secretary.GetFromJsonAsync<YearEndDoc>($"/api/points/year-end?unitId={community.Id}&year=2024");
        var row = sheet!.Rows.Single(r => r.MemberId == elderly);
        Assert.Equal(("Exempt", 0), (row.Band, row.Rank));
        Assert.Equal(row, sheet.Rows[^1]);
        Assert.All(sheet.Rows.Where(r => r.MemberId != elderly), r => Assert.True(r.Rank > 0));

        Assert.Equal(HttpStatusCode.NoContent, (await secretary.DeleteAsync($"/api/points/exemptions?memberId={elderly}&year=2024")).StatusCode);
        Assert.Contains((await secretary.GetFromJsonAsync<List<WarningItem>>($"/api/points/warnings?unitId={community.Id}&year=2024"))!,
            w => w.MemberId == elderly);
    }
}
