using Jishi.Web.Features.Points;

namespace Jishi.UnitTests.Features.Points;

/// <summary>社区复核 on an entry, the change summary shown before adopting a draft, and the checks of a draft's items.</summary>
public sealed class RuleOptionsTests
{
    private static readonly DateTime At = new(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    private static LedgerEntry Pending()
    {
        var set = RuleSet.CreateDefault(1, "在职", 2024);
        return LedgerEntry.Create(set, set.Rule(RuleCodes.WishFulfilled)!,
            new LedgerEntry.Award(7, 1, new DateOnly(2024, 5, 1), "zb01", At, null, null, null), 0, 0);
    }

    [Fact]
    public void Approve_BranchUnderCommunityReview_StaysPendingReviewed()
    {
        var entry = Pending();
        entry.Approve("zb01", At, ApprovalLevel.Branch, communityReview: true);
        Assert.Equal((EntryStatus.Pending, "zb01", 0m), (entry.Status, entry.ReviewedBy, entry.Counted));
        Assert.Equal("Points.AwaitsCommunity", entry.WhyNotDecidable(ApprovalLevel.Branch, communityReview: true));
        Assert.Throws<InvalidOperationException>(() => entry.Approve("zb01", At, ApprovalLevel.Branch, communityReview: true));
    }

    [Fact]
    public void Approve_CommunityAfterBranch_ApprovedAndCounts()
    {
        var entry = Pending();
        entry.Approve("zb01", At, ApprovalLevel.Branch, communityReview: true);
        Assert.Null(entry.WhyNotDecidable(ApprovalLevel.Community, communityReview: true));
        entry.Approve("sq01", At, ApprovalLevel.Community, communityReview: true);
        Assert.Equal((EntryStatus.Approved, "sq01", "zb01", 3m), (entry.Status, entry.ApprovedBy, entry.ReviewedBy, entry.Counted));
        Assert.Equal("Points.NotPending", entry.WhyNotDecidable(ApprovalLevel.Community, communityReview: true));
    }

    [Fact]
    public void Approve_BranchWithoutCommunityReview_Final()
    {
        var entry = Pending();
        entry.Approve("zb01", At, ApprovalLevel.Branch, communityReview: false);
        Assert.Equal((EntryStatus.Approved, (string?)null), (entry.Status, entry.ReviewedBy));
    }

    [Fact]
    public void NewDraft_CommunityReview_Copied()
    {
        var draft = RuleSet.CreateDefault(1, "在职", 2024).NewDraft(2);
        draft.Revise(60, StarScale.Parse(StarScale.Default), draft.Rules.Select(r => r.Copy()).ToList(), communityReview: true);
        draft.Adopt(null);
        Assert.True(draft.NewDraft(3).CommunityReview);
    }

    [Fact]
    public void ChangesFrom_EditedDraft_NamesEveryChange()
    {
        var current = RuleSet.CreateDefault(1, "在职", 2024);
        var draft = current.NewDraft(2);
        var rules = draft.Rules.Where(r => r.Code != RuleCodes.LawBreach)
            .Select(r => r.Code == RuleCodes.ThemeDay ? new PointRule(r.Code, r.Name, 3, r.Unit, capPerYear: r.CapPerYear) : r.Copy())
            .Append(new PointRule("item-1", "参加环境整治", 2, "次")).ToList();
        draft.Revise(65, StarScale.Parse(StarScale.Default), rules, communityReview: true);

        var changes = draft.ChangesFrom(current);
        Assert.Equal((2, (int?)1), (changes.Version, changes.CurrentVersion));
        Assert.Equal(((decimal?)60m, 65m), changes.BaseScore);
        Assert.Null(changes.StarThresholds);
        Assert.True(changes.CommunityReview);
        Assert.Equal(["参加环境整治"], changes.Added);
        Assert.Equal(["违反法律法规"], changes.Removed);
        Assert.Equal(["参加主题党日"], changes.Changed);
        Assert.False(changes.None);
    }

    [Fact]
    public void ChangesFrom_UnchangedCopy_None()
    {
        var current = RuleSet.CreateDefault(1, "在职", 2024);
        Assert.True(current.NewDraft(2).ChangesFrom(current).None);
    }

    [Fact]
    public void ChangesFrom_NoCurrentVersion_EveryItemAdded()
    {
        var draft = RuleSet.DefaultDraft(1, "离退休", 2024);
        var changes = draft.ChangesFrom(null);
        Assert.Null(changes.CurrentVersion);
        Assert.Equal(draft.Rules.Count, changes.Added.Count);
    }

    [Fact]
    public void WithCodes_BlankCodes_NumberedAfterExistingItems()
    {
        RuleDto Item(string code) => new(code, "项目", 1, "次", null, null, false, false, false);
        var coded = ReviseRuleSet.WithCodes([Item("theme-day"), Item("item-4"), Item(""), Item(" ")]);
        Assert.Equal(["theme-day", "item-4", "item-5", "item-6"], coded.Select(r => r.Code));
    }

    [Fact]
    public void RuleProblems_NoNameNegativeCap_OneMessageEach()
    {
        var problems = ReviseRuleSet.RuleProblems(new RuleDto("x", " ", 1, "次", -1, null, false, false, false)).Select(p => p.Code).ToList();
        Assert.Equal(["Points.RuleNameRequired", "Points.RuleCapNegative"], problems);
        Assert.Empty(ReviseRuleSet.RuleProblems(new RuleDto("x", "参加党课", -2, "小时", null, 5, true, true, false)));
    }
}
