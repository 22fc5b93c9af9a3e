using Jishi.Web.Features.Organizations;

namespace Jishi.UnitTests.Features.Organizations;

public sealed class OrgTreePlanTests
{
    private static readonly OrgTreePlan.Existing Street = new(1, null, "七里墩街道党工委", UnitKind.Street);

    private static int _number = 1;

    private static OrgTreePlan.Row Row(string name, string? parent = null, string? category = null, string? code = null)
    {
        var cells = new Dictionary<OrgColumn, string> { [OrgColumn.Name] = name };
        if (parent is not null) cells[OrgColumn.ParentName] = parent;
        if (category is not null) cells[OrgColumn.Category] = category;
        if (code is not null) cells[OrgColumn.CreditCode] = code;
        return new OrgTreePlan.Row(++_number, cells);
    }

    private static OrgTreePlan.Outcome Build(IReadOnlyList<OrgTreePlan.Existing>? more, params OrgTreePlan.Row[] rows) =>
        OrgTreePlan.Build(rows, Street, [Street, .. more ?? []]);

    [Fact]
    public void Build_ChildrenBeforeParents_OrdersParentsFirstWithKindsByDepth()
    {
        var group = Row("第一党小组", "东岗社区第一党支部");
        var branch = Row("东岗社区第一党支部", "东岗社区党委", "党支部");
        var community = Row("东岗社区党委", null, "党委");

        var outcome = Build(null, group, branch, community);

        Assert.Empty(outcome.Problems);
        Assert.Equal(["东岗社区党委", "东岗社区第一党支部", "第一党小组"], outcome.Nodes.Select(n => n.Row[OrgColumn.Name]));
        Assert.Equal([UnitKind.Community, UnitKind.Branch, UnitKind.PartyGroup], outcome.Nodes.Select(n => n.Kind));
        Assert.Equal(1, outcome.Nodes[0].ParentUnitId);
        Assert.Equal(2, outcome.Nodes[1].ParentRow); // the community's row index
        Assert.Equal(1, outcome.Nodes[2].ParentRow);
    }

    [Fact]
    public void Build_ParentAlreadyUnderTarget_AttachesToIt()
    {
        var outcome = Build([new(7, 1, "东岗社区党委", UnitKind.Community)], Row("第一党支部", "东岗社区党委"));

        Assert.Empty(outcome.Problems);
        Assert.Equal(7, outcome.Nodes.Single().ParentUnitId);
        Assert.Equal(UnitKind.Branch, outcome.Nodes.Single().Kind);
    }

    [Fact]
    public void Build_UnknownParent_RefusesOnParentColumn()
    {
        var row = Row("第一党支部", "不存在社区");

        var problem = Assert.Single(Build(null, row).Problems);

        Assert.Equal((row.Number, OrgColumn.ParentName, "OrgImport.UnknownParent"), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Build_ParentNamedTwice_RefusesAsAmbiguous()
    {
        var child = Row("第一党小组", "第一党支部");
        var outcome = Build([new(7, 1, "东岗社区党委", UnitKind.Community), new(8, 7, "第一党支部", UnitKind.Branch)],
            Row("西岗社区党委"), Row("第一党支部", "西岗社区党委"), child);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((child.Number, "OrgImport.AmbiguousParent"), (problem.Row, problem.Code));
        Assert.Empty(outcome.Nodes);
    }

    [Fact]
    public void Build_Cycle_ReportsEveryRowOfIt()
    {
        var a = Row("甲党支部", "乙党支部");
        var b = Row("乙党支部", "甲党支部");
        var below = Row("丙党小组", "甲党支部");

        var outcome = Build(null, a, b, below, Row("东岗社区党委"));

        Assert.Equal([a.Number, b.Number], outcome.Problems.Select(p => p.Row));
        Assert.All(outcome.Problems, p => Assert.Equal("OrgImport.Cycle", p.Code));
    }

    [Fact]
    public void Build_OwnParent_IsACycle() =>
        Assert.Equal("OrgImport.Cycle", Assert.Single(Build(null, Row("甲党支部", "甲党支部")).Problems).Code);

    [Fact]
    public void Build_SameNameUnderOneParent_RefusesTheSecond()
    {
        var second = Row("东岗社区党委");
        var problem = Assert.Single(Build(null, Row("东岗社区党委"), second).Problems);
        Assert.Equal((second.Number, OrgColumn.Name, "OrgImport.DuplicateName"), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Build_NameAlreadyUnderParent_Refuses() =>
        Assert.Equal("OrgImport.AlreadyThere",
            Assert.Single(Build([new(7, 1, "东岗社区党委", UnitKind.Community)], Row("东岗社区党委")).Problems).Code);

    [Fact]
    public void Build_SameNameUnderDifferentParents_IsAllowed() =>
        Assert.Empty(Build(null, Row("东岗社区党委"), Row("西岗社区党委"), Row("第一党支部", "东岗社区党委"), Row("第一党支部", "西岗社区党委")).Problems);

    [Theory]
    [InlineData("党委", null, null)]
    [InlineData("党组", null, "OrgImport.CategoryLevel")]
    [InlineData("居委会", null, "OrgImport.UnknownCategory")]
    [InlineData("党支部", "91350100M000100Y44", "OrgImport.BadCreditCode")]
    [InlineData("党支部", "91350100M000100Y43", null)]
    public void Build_CategoryAndCode_CheckedPerCell(string category, string? code, string? expected)
    {
        var problems = Build(null, Row("东岗社区党委", null, category, code)).Problems;
        Assert.Equal(expected, problems.SingleOrDefault()?.Code);
    }

    [Fact]
    public void Build_CommitteeAtBranchLevel_Refused() =>
        Assert.Equal("OrgImport.CategoryLevel",
            Assert.Single(Build(null, Row("东岗社区党委", null, "党委"), Row("第一党委", "东岗社区党委", "党委")).Problems).Code);

    [Fact]
    public void Build_BelowPartyGroup_TooDeep() =>
        Assert.Equal("OrgImport.TooDeep",
            Assert.Single(Build(null, Row("社区"), Row("支部", "社区"), Row("小组", "支部"), Row("更下", "小组")).Problems).Code);
}
