using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jishi.IntegrationTests.Meetings;

public sealed record MeetingEntryPostedRow(long EntryId, int MemberId, string MemberName, string RuleCode, decimal Points, string Status, bool CapCut);

public sealed record SkippedRow(int MemberId, string Name, string Reason);

public sealed record MeetingSavedRow(int MeetingId, bool Created, int Posted, int Withdrawn, List<MeetingEntryPostedRow> Entries, List<SkippedRow> Skipped);

public sealed record MeetingEntryRowDto(long Id, int MemberId, string RuleCode, decimal Points, string Status, long? ReversalOf, bool Reversed);

public sealed record AttendanceRowDto(int MemberId, string Name, string UnitName, string Status);

public sealed record MeetingDetailRow(int Id, int UnitId, string UnitName, string Type, DateOnly Date, string Topic, string RecordedBy,
    List<AttendanceRowDto> Attendance, List<MeetingEntryRowDto> Entries);

public sealed record MeetingListRow(int Id, int UnitId, string Type, DateOnly Date, string Topic, int Present, int Late, int Excused, int Absent);

public sealed record ImportErrorRow(int? Row, string? Column, string Message);

public sealed record ImportProblemRow(int Status, string Title, List<ImportErrorRow> Errors);

/// <summary>三会一课 on the demo street: attendance posts by rule through the ledger, saves are idempotent (also ten at
/// once), corrections reverse and repost, the attendance sheet imports all or nothing, and scope is the caller's subtree.
/// Each test records in a community of its own (<see cref="OwnCommunity"/>).</summary>
// A host of its own: the communities it builds must not show in other tests' counts of the demo street.
public sealed class MeetingTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    /// <summary>This class's two communities: one branch for each test (the retired branch fourth), and a neighbour.</summary>
    private Task<OwnCommunity> OursAsync() => OwnCommunity.OfClassAsync<MeetingTests>(factory, "ours",
        ("在职", 4), ("在职", 10), ("在职", 2), ("离退休", 2), ("在职", 1), ("在职", 1), ("在职", 5), ("在职", 3));

    private Task<OwnCommunity> NeighbourAsync() => OwnCommunity.OfClassAsync<MeetingTests>(factory, "neighbour", ("在职", 1));

    /// <summary>The secretary of this class's community, the <paramref name="index"/>th branch and its members.</summary>
    private static async Task<(HttpClient Client, int Branch, List<int> Members)> BranchAsync(Task<OwnCommunity> community, int index)
    {
        var own = await community;
        return (own.Secretary, own.Branches[index].Id, own.Branches[index].Members);
    }

    private static object Meeting(int unitId, string type, string date, params (int Member, string Status)[] attendance) => new
    {
        unitId, type, date, topic = "学习党章党规", attendance = attendance.Select(a => new { memberId = a.Member, status = a.Status }),
    };

    private static async Task<decimal> ScoreAsync(HttpClient client, int member, int year) =>
        (await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year={year}"))!.AssessmentScore;

    private Task<int> EntriesOfAsync(int meetingId) => factory.WithDbAsync(db =>
        db.LedgerEntries.CountAsync(e => e.SourceKey != null && e.SourceKey.StartsWith($"meeting:{meetingId}:")));

    [Fact]
    public async Task Record_FourStatuses_EntriesByRuleAndBalancesThenResaveAddsNothing()
    {
        var (client, branch, m) = await BranchAsync(OursAsync(), 0);
        var before = await Task.WhenAll(m.Take(4).Select(id => ScoreAsync(client, id, 2021)));
        var body = Meeting(branch, "ThemeDay", "2021-03-05", (m[0], "Present"), (m[1], "Late"), (m[2], "Excused"), (m[3], "Absent"));

        var response = await client.PostAsJsonAsync("/api/meetings", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<MeetingSavedRow>())!;
        Assert.Equal($"/api/meetings/{saved.MeetingId}", response.Headers.Location!.OriginalString);
        Assert.Equal(4, saved.Posted);
        Assert.Empty(saved.Skipped);
        Assert.Equal([(m[0], "theme-day", 5m), (m[1], "late-or-early", -0.5m), (m[1], "theme-day", 5m), (m[3], "absence", -1m)],
            saved.Entries.Select(e => (e.MemberId, e.RuleCode, e.Points)).OrderBy(e => e.MemberId).ThenBy(e => e.RuleCode));
        var after = await Task.WhenAll(m.Take(4).Select(id => ScoreAsync(client, id, 2021)));
        Assert.Equal([5m, 4.5m, 0m, -1m], after.Zip(before, (a, b) => a - b));

        var again = await client.PostAsJsonAsync("/api/meetings", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var resaved = (await again.Content.ReadFromJsonAsync<MeetingSavedRow>())!;
        Assert.Equal((saved.MeetingId, false, 0, 0), (resaved.MeetingId, resaved.Created, resaved.Posted, resaved.Withdrawn));
        Assert.Equal(4, await EntriesOfAsync(saved.MeetingId));
        Assert.Equal(after, await Task.WhenAll(m.Take(4).Select(id => ScoreAsync(client, id, 2021))));

        var detail = await client.GetFromJsonAsync<MeetingDetailRow>($"/api/meetings/{saved.MeetingId}");
        Assert.Equal(("ThemeDay", 4, 4), (detail!.Type, detail.Attendance.Count, detail.Entries.Count));
        Assert.Equal(["Present", "Late", "Excused", "Absent"], m.Take(4).Select(id => detail.Attendance.Single(a => a.MemberId == id).Status));
        var list = await client.GetFromJsonAsync<PageOf<MeetingListRow>>($"/api/meetings?unitId={branch}&year=2021");
        var row = Assert.Single(list!.Items);
        Assert.Equal((1, 1, 1, 1), (row.Present, row.Late, row.Excused, row.Absent));
    }

    [Fact]
    public async Task Record_TenConcurrentIdenticalSaves_OneMeetingNoDoubleEntries()
    {
        var (client, branch, m) = await BranchAsync(OursAsync(), 1);
        var body = Meeting(branch, "GroupMeeting", "2021-04-09", m.Select((id, i) => (id, i % 5 == 4 ? "Late" : "Present")).ToArray());

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostAsJsonAsync("/api/meetings", body)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var saved = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<MeetingSavedRow>()));
        Assert.Single(saved.Select(s => s!.MeetingId).Distinct());
        var expected = m.Count + m.Count(id => m.IndexOf(id) % 5 == 4);
        Assert.Equal(expected, saved.Sum(s => s!.Posted));
        Assert.Equal(expected, await EntriesOfAsync(saved[0]!.MeetingId));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Meetings.CountAsync(x => x.UnitId == branch && x.Date == new DateOnly(2021, 4, 9))));
    }

    [Fact]
    public async Task Correct_PresentToAbsentAndBack_ReversesAndRepostsBalanceRight()
    {
        var (client, branch, m) = await BranchAsync(OursAsync(), 2);
        var member = m[0];
        var before = await ScoreAsync(client, member, 2021);
        var created = await (await client.PostAsJsonAsync("/api/meetings",
            Meeting(branch, "ThemeDay", "2021-05-07", (member, "Present"), (m[1], "Present")))).Content.ReadFromJsonAsync<MeetingSavedRow>();
        Assert.Equal(before + 5, await ScoreAsync(client, member, 2021));

        var toAbsent = await client.PutAsJsonAsync($"/api/meetings/{created!.MeetingId}/attendance",
            new { attendance = new[] { new { memberId = member, status = "Absent" }, new { memberId = m[1], status = "Present" } } });

        Assert.Equal(HttpStatusCode.OK, toAbsent.StatusCode);
        var corrected = (await toAbsent.Content.ReadFromJsonAsync<MeetingSavedRow>())!;
        Assert.Equal((1, 1, "absence", -1m), (corrected.Withdrawn, corrected.Posted, corrected.Entries[0].RuleCode, corrected.Entries[0].Points));
        Assert.Equal(before - 1, await ScoreAsync(client, member, 2021));
        var entries = (await client.GetFromJsonAsync<MeetingDetailRow>($"/api/meetings/{created.MeetingId}"))!.Entries.Where(e => e.MemberId == member).ToList();
        var award = Assert.Single(entries, e => e.RuleCode == "theme-day" && e.ReversalOf is null);
        Assert.True(award.Reversed);
        Assert.Equal(-5m, Assert.Single(entries, e => e.ReversalOf == award.Id).Points);

        var back = await client.PutAsJsonAsync($"/api/meetings/{created.MeetingId}/attendance",
            new { attendance = new[] { new { memberId = member, status = "Present" }, new { memberId = m[1], status = "Present" } } });
        var reposted = (await back.Content.ReadFromJsonAsync<MeetingSavedRow>())!;
        Assert.Equal((1, 1), (reposted.Withdrawn, reposted.Posted));
        Assert.Equal(before + 5, await ScoreAsync(client, member, 2021));
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SourceKey == $"meeting:{created.MeetingId}:{member}:attend:2")));
    }

    [Fact]
    public async Task Record_RetiredBranchCommitteeMeeting_NothingPostedEachMemberSkippedWithReason()
    {
        var (client, branch, m) = await BranchAsync(OursAsync(), 3);

        var response = await client.PostAsJsonAsync("/api/meetings", Meeting(branch, "CommitteeMeeting", "2021-06-04", (m[0], "Present"), (m[1], "Present")));

        var saved = (await response.Content.ReadFromJsonAsync<MeetingSavedRow>())!;
        Assert.Equal(0, saved.Posted);
        Assert.Equal(2, saved.Skipped.Count);
        Assert.All(saved.Skipped, s => Assert.Contains("积分细则中没有“支委会”一项", s.Reason));
        Assert.Equal(0, await EntriesOfAsync(saved.MeetingId));
    }

    [Fact]
    public async Task Record_FutureDateOrUnknownStatus_400NothingSaved()
    {
        var (client, branch, m) = await BranchAsync(OursAsync(), 4);

        var future = await client.PostAsJsonAsync("/api/meetings", Meeting(branch, "PartyLecture", "2099-01-01", (m[0], "Present")));
        var empty = await client.PostAsJsonAsync("/api/meetings", Meeting(branch, "PartyLecture", "2021-01-08"));

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("不晚于今天", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(x => x.UnitId == branch && x.Type == MeetingType.PartyLecture)));
    }

    [Fact]
    public async Task Scope_OtherCommunityOrOtherBranch_404AndBranchSecretaryRecordsOwnBranch()
    {
        var (_, ownBranch, own) = await BranchAsync(OursAsync(), 5);
        var (neighbour, otherBranch, other) = await BranchAsync(NeighbourAsync(), 0);
        var secretary = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, ownBranch);
        var theirs = await (await neighbour.PostAsJsonAsync("/api/meetings", Meeting(otherBranch, "LifeMeeting", "2021-12-20", (other[0], "Present"))))
            .Content.ReadFromJsonAsync<MeetingSavedRow>();

        var recorded = await secretary.PostAsJsonAsync("/api/meetings", Meeting(ownBranch, "LifeMeeting", "2021-12-21", (own[0], "Present")));

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync("/api/meetings", Meeting(otherBranch, "LifeMeeting", "2021-12-22", (other[0], "Present")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync("/api/meetings", Meeting(ownBranch, "LifeMeeting", "2021-12-23", (other[0], "Present")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/meetings/{theirs!.MeetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PutAsJsonAsync($"/api/meetings/{theirs.MeetingId}/attendance",
            new { attendance = new[] { new { memberId = other[0], status = "Absent" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/meetings/attendance-template?unitId={otherBranch}")).StatusCode);
        var mine = await secretary.GetFromJsonAsync<PageOf<MeetingListRow>>("/api/meetings?year=2021&pageSize=500");
        Assert.DoesNotContain(mine!.Items, x => x.Id == theirs.MeetingId);
        Assert.Equal(1, await EntriesOfAsync(theirs.MeetingId));
    }

    private static byte[] Sheet(byte[] template, Func<int, IDictionary<string, object?>, object?> status)
    {
        var rows = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true, sheetName: AttendanceSheet.SheetName)
            .Cast<IDictionary<string, object?>>().Select((r, i) =>
            {
                var row = new Dictionary<string, object?>(r);
                row["出席情况"] = status(i, row);
                return row;
            }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: AttendanceSheet.SheetName);
        return stream.ToArray();
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] sheet, int unitId, string date)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(sheet), "file", "签到表.xlsx" },
            { new StringContent(unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "unitId" },
            { new StringContent("GeneralMeeting"), "type" },
            { new StringContent(date), "date" },
            { new StringContent("选举出席上级党代会代表"), "topic" },
        };
        return client.PostAsync("/api/meetings/import", form);
    }

    [Fact]
    public async Task Import_FilledTemplate_RecordsMeetingAndPosts()
    {
        var (client, branch, m) = await BranchAsync(OursAsync(), 6);
        var template = await client.GetByteArrayAsync($"/api/meetings/attendance-template?unitId={branch}");
        var listed = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true, sheetName: AttendanceSheet.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(m.Count, listed.Count);
        Assert.Equal(["编号", "姓名", "身份证号后四位", "所在组织", "出席情况"], listed[0].Keys);

        // The last member is left blank: not listed for the meeting.
        var response = await ImportAsync(client, Sheet(template, (i, _) => i == listed.Count - 1 ? null : i == 0 ? "缺席" : i == 1 ? "请假" : "出席"), branch, "2021-07-01");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<MeetingSavedRow>())!;
        var detail = await client.GetFromJsonAsync<MeetingDetailRow>($"/api/meetings/{saved.MeetingId}");
        Assert.Equal(m.Count - 1, detail!.Attendance.Count);
        Assert.Equal("Absent", detail.Attendance.Single(a => a.MemberId == Convert.ToInt32(listed[0]["编号"], System.Globalization.CultureInfo.InvariantCulture)).Status);
        Assert.Equal(saved.Posted, await EntriesOfAsync(saved.MeetingId));
        Assert.Equal(saved.Posted + saved.Skipped.Count, m.Count - 2);
    }

    [Fact]
    public async Task Import_BadCells_400EveryCellListedNothingRecorded()
    {
        var (client, branch, _) = await BranchAsync(OursAsync(), 7);
        var template = await client.GetByteArrayAsync($"/api/meetings/attendance-template?unitId={branch}");
        var sheet = Sheet(template, (i, row) =>
        {
            if (i == 1)
            {
                row["姓名"] = "张冠李戴";
            }
            if (i == 2)
            {
                row["编号"] = 999999;
            }
            return i == 0 ? "到了" : "出席";
        });

        var response = await ImportAsync(client, sheet, branch, "2021-07-02");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ImportProblemRow>();
        Assert.Equal([(2, "出席情况"), (3, "姓名"), (4, "编号")], problem!.Errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.StartsWith("第2行「出席情况」应填写「出席」", problem.Errors[0].Message);
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(x => x.UnitId == branch && x.Date == new DateOnly(2021, 7, 2))));
    }
}
