using Jishi.Web.Features.Points;
using static Jishi.Web.Features.Points.WhatIf;

namespace Jishi.UnitTests.Features.Points;

public sealed class WhatIfTests
{
    private static RuleSet Draft(decimal baseScore, params PointRule[] rules)
    {
        var draft = RuleSet.CreateDefault(1, "在职", 2016).NewDraft(2);
        draft.Revise(baseScore, StarScale.Parse(StarScale.Default), rules);
        return draft;
    }

    private static PastEntry Entry(int member, string code, string on, decimal quantity = 1) =>
        new(member, code, quantity, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Scores_HigherPointsAndLowerCap_AppliedInDateOrder()
    {
        var draft = Draft(60, new PointRule("theme-day", "主题党日", 8, "次", capPerYear: 20));
        var scores = Scores(draft, [7], [Entry(7, "theme-day", "2016-03-05"), Entry(7, "theme-day", "2016-01-05"), Entry(7, "theme-day", "2016-02-05")]);
        Assert.Equal(80, scores[7]); // 8 + 8 + 4 (the cap cuts the third)
    }

    [Fact]
    public void Scores_MonthlyCap_PerMonth()
    {
        var draft = Draft(60, new PointRule("volunteer-hour", "志愿服务", 1, "小时", capPerMonth: 4));
        var scores = Scores(draft, [7], [Entry(7, "volunteer-hour", "2016-01-05", 3), Entry(7, "volunteer-hour", "2016-01-20", 3),
            Entry(7, "volunteer-hour", "2016-02-01", 3)]);
        Assert.Equal(67, scores[7]); // January 4, February 3
    }

    [Fact]
    public void Scores_ItemDroppedAndVetoAndNoEntries_BaseRulesApply()
    {
        var draft = Draft(65, new PointRule("absence", "缺席", -2, "次"), new PointRule("veto", "否决", 0, "次", isVeto: true));
        var scores = Scores(draft, [1, 2, 3], [Entry(1, "publicity", "2016-01-05"), Entry(1, "absence", "2016-01-06"),
            Entry(2, "veto", "2016-05-01"), Entry(2, "absence", "2016-05-02")]);
        Assert.Equal(63, scores[1]);
        Assert.Equal(0, scores[2]);
        Assert.Equal(65, scores[3]);
    }
}
