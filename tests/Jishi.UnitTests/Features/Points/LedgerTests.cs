using Jishi.Web.Features.Points;

namespace Jishi.UnitTests.Features.Points;

public sealed class LedgerTests
{
    private static readonly DateTime At = new(2016, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static LedgerEntry.Award Award(decimal quantity = 1, DateOnly? on = null) =>
        new(7, quantity, on ?? new DateOnly(2016, 3, 1), "sq01", At, null, null, null);

    private static RuleSet Set(string tier = "在职") => RuleSet.CreateDefault(1, tier, 2016);

    [Fact]
    public void Grant_UnderBothCaps_Whole()
    {
        var rule = new PointRule("x", "x", 5, "次", capPerMonth: 10, capPerYear: 60);
        Assert.Equal((5m, false), rule.Grant(5, 5, 30));
    }

    [Fact]
    public void Grant_MonthlyCapReached_Zero()
    {
        var rule = new PointRule("x", "x", 5, "次", capPerMonth: 10, capPerYear: 60);
        Assert.Equal((0m, true), rule.Grant(5, 10, 10));
    }

    [Fact]
    public void Grant_MonthlyCapPartlyLeft_CutToTheRest()
    {
        var rule = new PointRule("x", "x", 1, "小时", capPerMonth: 20);
        Assert.Equal((2m, true), rule.Grant(6, 18, 18));
    }

    [Fact]
    public void Grant_YearlyCapTighterThanMonthly_YearlyWins()
    {
        var rule = new PointRule("x", "x", 5, "次", capPerMonth: 10, capPerYear: 20);
        Assert.Equal((3m, true), rule.Grant(5, 0, 17));
    }

    [Fact]
    public void Grant_OverspentByEarlierVersion_ZeroNotNegative()
    {
        var rule = new PointRule("x", "x", 5, "次", capPerYear: 20);
        Assert.Equal((0m, true), rule.Grant(5, 0, 25));
    }

    [Fact]
    public void Grant_Deduction_NeverCapped()
    {
        var rule = new PointRule("x", "x", -1, "次", capPerMonth: 1, capPerYear: 1);
        Assert.Equal((-3m, false), rule.Grant(-3, 5, 5));
    }

    [Fact]
    public void Create_GeneralMeetingAfterFourMeetings_YearCapCutsToZeroAndSaysSo()
    {
        var set = Set();
        var rule = set.Rule(RuleCodes.GeneralMeeting)!;
        var entry = LedgerEntry.Create(set, rule, Award(), 0, 20);
        Assert.Equal(5, entry.Requested);
        Assert.Equal(0, entry.Granted);
        Assert.True(entry.CapCut);
        Assert.Equal(EntryStatus.Approved, entry.Status);
        Assert.Equal("sq01", entry.ApprovedBy);
        Assert.Equal(1, entry.RuleVersion);
    }

    [Fact]
    public void Create_LateHalfPointTwice_MinusOne()
    {
        var set = Set();
        var entry = LedgerEntry.Create(set, set.Rule(RuleCodes.LateOrEarly)!, Award(2), 0, 0);
        Assert.Equal(-1, entry.Granted);
        Assert.False(entry.CapCut);
    }

    [Fact]
    public void Create_RuleNeedsApproval_PendingAndNotCounted()
    {
        var set = Set();
        var entry = LedgerEntry.Create(set, set.Rule(RuleCodes.VolunteerHour)!, Award(3.5m), 0, 0);
        Assert.Equal(EntryStatus.Pending, entry.Status);
        Assert.Equal(3.5m, entry.Granted);
        Assert.Equal(0, entry.Counted);
        Assert.Null(entry.ApprovedBy);
    }

    [Fact]
    public void Approve_Twice_Refused()
    {
        var set = Set();
        var entry = LedgerEntry.Create(set, set.Rule(RuleCodes.VolunteerHour)!, Award(2), 0, 0);
        entry.Approve("sq01", At);
        Assert.Equal(2, entry.Counted);
        Assert.Throws<InvalidOperationException>(() => entry.Reject("sq01", At, "重复"));
    }

    [Fact]
    public void Reverse_Approved_NegatesEveryAmount()
    {
        var set = Set();
        var entry = LedgerEntry.Create(set, set.Rule(RuleCodes.ThemeDay)!, Award(), 0, 0);
        var reversal = entry.Reverse("sq01", At, "录错了人");
        Assert.Equal(-5, reversal.Granted);
        Assert.Equal(-1, reversal.Quantity);
        Assert.Equal(entry.OccurredOn, reversal.OccurredOn);
        Assert.Equal(EntryStatus.Approved, reversal.Status);
        Assert.Equal("录错了人", reversal.Reason);
    }

    [Fact]
    public void Reverse_AReversal_Refused()
    {
        var set = Set();
        var reversal = LedgerEntry.Create(set, set.Rule(RuleCodes.ThemeDay)!, Award(), 0, 0).Reverse("sq01", At, "错");
        Assert.Equal("Points.ReverseReversal", reversal.WhyNotReversible());
        Assert.Throws<InvalidOperationException>(() => reversal.Reverse("sq01", At, "再错"));
    }

    [Fact]
    public void Reverse_Pending_Refused()
    {
        var set = Set();
        var pending = LedgerEntry.Create(set, set.Rule(RuleCodes.VolunteerHour)!, Award(), 0, 0);
        Assert.Equal("Points.ReverseNotApproved", pending.WhyNotReversible());
        Assert.Throws<InvalidOperationException>(() => pending.Reverse("sq01", At, "错"));
    }

    /// <summary>The rule a statement's 冲正 button follows (EntryDto.CanReverse), read from a projection.</summary>
    [Theory]
    [InlineData(EntryStatus.Approved, null, null)]
    [InlineData(EntryStatus.Approved, 7L, "Points.ReverseReversal")]
    [InlineData(EntryStatus.Pending, null, "Points.ReverseNotApproved")]
    [InlineData(EntryStatus.Rejected, null, "Points.ReverseNotApproved")]
    public void WhyNotReversible_OfAProjection_AsTheEntrySays(EntryStatus status, long? reversalOf, string? expected) =>
        Assert.Equal(expected, LedgerEntry.WhyNotReversible(status, reversalOf));

    [Fact]
    public void Count_Veto_ScoreZeroUntilReversed()
    {
        var set = Set();
        var balance = new MemberPoints(7, 2016, 60);
        balance.Count(LedgerEntry.Create(set, set.Rule(RuleCodes.ThemeDay)!, Award(), 0, 0));
        Assert.Equal(65, balance.AssessmentScore);
        var veto = LedgerEntry.Create(set, set.Rule(RuleCodes.Veto)!, Award(), 0, 0);
        veto.Approve("sq01", At);
        balance.Count(veto);
        Assert.Equal(0, balance.AssessmentScore);
        Assert.Equal(5, balance.Spendable);
        balance.Count(veto.Reverse("sq01", At, "处分撤销"));
        Assert.Equal(65, balance.AssessmentScore);
        Assert.True(balance.Matches(5, 0));
    }

    [Fact]
    public void Count_Pending_Refused()
    {
        var set = Set();
        var balance = new MemberPoints(7, 2016, 60);
        Assert.Throws<InvalidOperationException>(() => balance.Count(LedgerEntry.Create(set, set.Rule(RuleCodes.VolunteerHour)!, Award(), 0, 0)));
    }

    // Each count includes the four 宣传报道 rules by outlet level (Features/Publicity).
    [Theory]
    [InlineData("在职", 20)]
    [InlineData("社区干部", 20)]
    [InlineData("离退休", 15)]
    [InlineData("流动", 13)]
    [InlineData("年老体弱", 10)]
    public void DefaultRules_EachTier_OwnSetWithVeto(string tier, int count)
    {
        var rules = RuleSet.DefaultRules(tier);
        Assert.Equal(count, rules.Count);
        Assert.Single(rules, r => r.IsVeto);
        Assert.Equal(rules.Count, rules.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void DefaultRules_OnDuty_IssueFigures()
    {
        var set = Set();
        Assert.Equal((5m, 20m), (set.Rule(RuleCodes.GeneralMeeting)!.Points, set.Rule(RuleCodes.GeneralMeeting)!.CapPerYear!.Value));
        Assert.Equal(60m, set.Rule(RuleCodes.CommitteeMeeting)!.CapPerYear);
        Assert.Equal(5m, set.Rule(RuleCodes.PartyLecture)!.CapPerYear);
        Assert.Equal("小时", set.Rule(RuleCodes.VolunteerHour)!.Unit);
        Assert.Equal(-0.5m, set.Rule(RuleCodes.LateOrEarly)!.Points);
        Assert.Equal(-5m, set.Rule(RuleCodes.LawBreach)!.Points);
        Assert.Equal(60m, set.BaseScore);
        Assert.Equal(RuleSetStatus.Current, set.Status);
    }

    [Fact]
    public void Adopt_Draft_BecomesCurrentAndOldRetired()
    {
        var current = Set();
        var draft = current.NewDraft(2);
        draft.Revise(70, StarScale.Parse("70,75,80,90,96"), [.. current.Rules.Select(r => r.Copy()), new PointRule("clean-up", "参加环境整治", 2, "次", capPerMonth: 4)]);
        draft.Adopt(current);
        Assert.Equal(RuleSetStatus.Current, draft.Status);
        Assert.Equal(RuleSetStatus.Retired, current.Status);
        Assert.Equal(2, draft.Version);
        Assert.NotNull(draft.Rule("clean-up"));
        Assert.Null(current.Rule("clean-up"));
        Assert.Equal(60, current.BaseScore);
        Assert.Equal(70, draft.BaseScore);
        Assert.Equal(1, draft.Stars.StarsFor(72));
        Assert.Throws<InvalidOperationException>(() => draft.Adopt(null));
    }

    [Fact]
    public void Revise_Current_Refused() =>
        Assert.Throws<InvalidOperationException>(() => Set().Revise(60, StarScale.Parse(StarScale.Default), [new PointRule("y", "y", 1, "次")]));

    [Fact]
    public void Revise_SameCodeTwice_Refused()
    {
        var draft = Set().NewDraft(2);
        Assert.Throws<InvalidOperationException>(() => draft.Revise(60, StarScale.Parse(StarScale.Default),
            [new PointRule("y", "y", 1, "次"), new PointRule("y", "z", 2, "次")]));
    }
}
