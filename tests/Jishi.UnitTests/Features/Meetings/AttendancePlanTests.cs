using Jishi.Web.Features.Meetings;
using Jishi.Web.Features.Points;
using static Jishi.Web.Features.Meetings.AttendancePlan;

namespace Jishi.UnitTests.Features.Meetings;

public sealed class AttendancePlanTests
{
    private const int MeetingId = 12;

    private static Dictionary<int, AttendanceStatus> Attendance(params (int Member, AttendanceStatus Status)[] rows) =>
        rows.ToDictionary(r => r.Member, r => r.Status);

    /// <summary>The entries a first save posts, as the ledger then holds them (approved, live).</summary>
    private static List<Posted> Post(Changes changes, List<Posted>? earlier = null)
    {
        var ledger = earlier ?? [];
        var id = ledger.Count == 0 ? 100L : ledger.Max(p => p.Id) + 1;
        foreach (var w in changes.Withdraw)
        {
            ledger[ledger.IndexOf(w)] = w with { Live = false };
        }
        foreach (var p in changes.Post)
        {
            var key = Parse(MeetingId, p.SourceKey)!.Value;
            ledger.Add(new Posted(id++, key.MemberId, key.Kind, key.Generation, true, false));
        }
        return ledger;
    }

    [Theory]
    [InlineData(MeetingType.GeneralMeeting, RuleCodes.GeneralMeeting)]
    [InlineData(MeetingType.CommitteeMeeting, RuleCodes.CommitteeMeeting)]
    [InlineData(MeetingType.GroupMeeting, RuleCodes.GroupMeeting)]
    [InlineData(MeetingType.ThemeDay, RuleCodes.ThemeDay)]
    [InlineData(MeetingType.PartyLecture, RuleCodes.PartyLecture)]
    [InlineData(MeetingType.LifeMeeting, RuleCodes.LifeMeeting)]
    public void RuleCode_EveryTypeAttended_ItsDefaultRuleExistsForOnDuty(MeetingType type, string code)
    {
        Assert.Equal(code, RuleCode(type, Kind.Attend));
        Assert.NotNull(RuleSet.CreateDefault(1, "在职", 2016).Rule(code));
    }

    [Fact]
    public void RuleCode_AbsentAndLate_DeductionRulesWhateverTheType()
    {
        Assert.Equal(RuleCodes.Absence, RuleCode(MeetingType.PartyLecture, Kind.Absent));
        Assert.Equal(RuleCodes.LateOrEarly, RuleCode(MeetingType.ThemeDay, Kind.Late));
        var onDuty = RuleSet.CreateDefault(1, "在职", 2016);
        Assert.Equal((-1m, -0.5m), (onDuty.Rule(RuleCodes.Absence)!.Points, onDuty.Rule(RuleCodes.LateOrEarly)!.Points));
    }

    [Theory]
    [InlineData(AttendanceStatus.Present, new[] { Kind.Attend })]
    [InlineData(AttendanceStatus.Late, new[] { Kind.Attend, Kind.Late })]
    [InlineData(AttendanceStatus.Excused, new Kind[0])]
    [InlineData(AttendanceStatus.Absent, new[] { Kind.Absent })]
    public void KindsOf_EachStatus_AwardAndDeductions(AttendanceStatus status, Kind[] kinds) =>
        Assert.Equal(kinds, KindsOf(status));

    [Fact]
    public void Key_FirstAndLaterGenerations_AsSpecifiedAndParsedBack()
    {
        Assert.Equal("meeting:12:7:attend", Key(MeetingId, 7, Kind.Attend, 1));
        Assert.Equal("meeting:12:7:absent:2", Key(MeetingId, 7, Kind.Absent, 2));
        Assert.Equal((7, Kind.Absent, 2), Parse(MeetingId, "meeting:12:7:absent:2"));
        Assert.Null(Parse(MeetingId, "meeting:123:7:attend"));
        Assert.Null(Parse(MeetingId, "demo:20160325:general-meeting:7"));
    }

    [Fact]
    public void Compare_FirstSave_PostsEveryWantedKindWithFirstKeys()
    {
        var changes = Compare(MeetingId, Attendance((1, AttendanceStatus.Present), (2, AttendanceStatus.Late), (3, AttendanceStatus.Excused),
            (4, AttendanceStatus.Absent)), []);

        Assert.Empty(changes.Withdraw);
        Assert.Equal(["meeting:12:1:attend", "meeting:12:2:attend", "meeting:12:2:late", "meeting:12:4:absent"], changes.Post.Select(p => p.SourceKey));
    }

    [Fact]
    public void Compare_SameAttendanceAgain_NothingToDo()
    {
        var attendance = Attendance((1, AttendanceStatus.Present), (2, AttendanceStatus.Late), (4, AttendanceStatus.Absent));
        var ledger = Post(Compare(MeetingId, attendance, []));

        var again = Compare(MeetingId, attendance, ledger);

        Assert.Empty(again.Withdraw);
        Assert.Empty(again.Post);
    }

    [Fact]
    public void Compare_PresentToAbsent_WithdrawsAwardAndPostsDeduction()
    {
        var ledger = Post(Compare(MeetingId, Attendance((1, AttendanceStatus.Present)), []));

        var changes = Compare(MeetingId, Attendance((1, AttendanceStatus.Absent)), ledger);

        Assert.Equal((1, Kind.Attend), (Assert.Single(changes.Withdraw).MemberId, changes.Withdraw[0].Kind));
        Assert.Equal("meeting:12:1:absent", Assert.Single(changes.Post).SourceKey);
    }

    [Fact]
    public void Compare_BackToPresentAfterWithdrawal_NextGenerationKey()
    {
        var ledger = Post(Compare(MeetingId, Attendance((1, AttendanceStatus.Present)), []));
        ledger = Post(Compare(MeetingId, Attendance((1, AttendanceStatus.Absent)), ledger), ledger);

        var changes = Compare(MeetingId, Attendance((1, AttendanceStatus.Present)), ledger);

        Assert.Equal(Kind.Absent, Assert.Single(changes.Withdraw).Kind);
        // The first award's key is taken by the reversed entry: reusing it would find that entry and post nothing.
        Assert.Equal("meeting:12:1:attend:2", Assert.Single(changes.Post).SourceKey);
    }

    [Fact]
    public void Compare_LateToPresent_WithdrawsOnlyTheLateDeduction()
    {
        var ledger = Post(Compare(MeetingId, Attendance((1, AttendanceStatus.Late)), []));

        var changes = Compare(MeetingId, Attendance((1, AttendanceStatus.Present)), ledger);

        Assert.Equal(Kind.Late, Assert.Single(changes.Withdraw).Kind);
        Assert.Empty(changes.Post);
    }

    [Fact]
    public void Compare_MemberTakenOffTheMeeting_HisEntriesWithdrawn()
    {
        var ledger = Post(Compare(MeetingId, Attendance((1, AttendanceStatus.Present), (2, AttendanceStatus.Absent)), []));

        var changes = Compare(MeetingId, Attendance((1, AttendanceStatus.Present)), ledger);

        Assert.Equal((2, Kind.Absent), (Assert.Single(changes.Withdraw).MemberId, changes.Withdraw[0].Kind));
        Assert.Empty(changes.Post);
    }

    [Fact]
    public void Compare_PendingAwardNoLongerWanted_WithdrawnAsPending()
    {
        var pending = new Posted(5, 1, Kind.Attend, 1, Live: true, Pending: true);

        var changes = Compare(MeetingId, Attendance((1, AttendanceStatus.Excused)), [pending]);

        Assert.True(Assert.Single(changes.Withdraw).Pending);
    }

    [Fact]
    public void SetAttendance_Replaces_ChangesKeepsAndRemovesRows()
    {
        var meeting = new Meeting(3, MeetingType.ThemeDay, new DateOnly(2016, 4, 8), "学习", "sq01", DateTime.UnixEpoch);
        meeting.SetAttendance("学习", Attendance((1, AttendanceStatus.Present), (2, AttendanceStatus.Present)));

        meeting.SetAttendance("学习准则", Attendance((2, AttendanceStatus.Absent), (3, AttendanceStatus.Excused)));

        Assert.Equal([(2, AttendanceStatus.Absent), (3, AttendanceStatus.Excused)],
            meeting.Attendance.OrderBy(a => a.MemberId).Select(a => (a.MemberId, a.Status)));
        Assert.Equal("学习准则", meeting.Topic);
    }
}
