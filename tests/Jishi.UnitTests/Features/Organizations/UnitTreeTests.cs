using Jishi.Web.Features.Organizations;

namespace Jishi.UnitTests.Features.Organizations;

public sealed class UnitTreeTests
{
    /// <summary>A unit as the database would give it back: ids are assigned on insert, so they are set here directly.</summary>
    private static Unit Saved(int id, string name, UnitKind kind, Unit? parent)
    {
        var unit = new Unit(name, kind, parent);
        typeof(Unit).GetProperty(nameof(Unit.Id))!.SetValue(unit, id);
        unit.AssignPath();
        return unit;
    }

    private static readonly Unit Street = Saved(1, "七里墩街道党工委", UnitKind.Street, null);

    [Theory]
    [InlineData(UnitKind.Street, UnitKind.Community)]
    [InlineData(UnitKind.Community, UnitKind.Branch)]
    [InlineData(UnitKind.Branch, UnitKind.PartyGroup)]
    public void CanContain_NextLevelDown_ReturnsTrue(UnitKind parent, UnitKind child) => Assert.True(Unit.CanContain(parent, child));

    [Theory]
    [InlineData(UnitKind.Street, UnitKind.Branch)]
    [InlineData(UnitKind.Street, UnitKind.Street)]
    [InlineData(UnitKind.Community, UnitKind.Community)]
    [InlineData(UnitKind.Community, UnitKind.PartyGroup)]
    [InlineData(UnitKind.Branch, UnitKind.Community)]
    [InlineData(UnitKind.PartyGroup, UnitKind.PartyGroup)]
    public void CanContain_OtherLevel_ReturnsFalse(UnitKind parent, UnitKind child) => Assert.False(Unit.CanContain(parent, child));

    [Fact]
    public void Constructor_WrongLevel_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Unit("第一党支部", UnitKind.Branch, Street));

    [Fact]
    public void AssignPath_UnderCommunity_AppendsIdToParentPath()
    {
        var community = Saved(5, "东岗社区党委", UnitKind.Community, Street);
        var branch = Saved(12, "第一党支部", UnitKind.Branch, community);
        Assert.Equal("/1/5/12/", branch.Path);
        Assert.True(branch.IsWithin(community.Path));
        Assert.False(community.IsWithin(branch.Path));
    }

    [Fact]
    public void IsWithin_SiblingWithCommonDigitPrefix_ReturnsFalse()
    {
        var c1 = Saved(15, "a", UnitKind.Community, Street);
        var c2 = Saved(150, "b", UnitKind.Community, Street);
        Assert.False(c2.IsWithin(c1.Path));
    }

    [Fact]
    public void MoveTo_OtherCommunity_ChangesParentAndPathAndReturnsOldPath()
    {
        var from = Saved(2, "东岗社区党委", UnitKind.Community, Street);
        var to = Saved(3, "西站社区党总支", UnitKind.Community, Street);
        var branch = Saved(7, "第一党支部", UnitKind.Branch, from);

        var oldPath = branch.MoveTo(to);

        Assert.Equal("/1/2/7/", oldPath);
        Assert.Equal("/1/3/7/", branch.Path);
        Assert.Equal(3, branch.ParentId);
        Assert.Same(to, branch.Parent);
    }

    [Fact]
    public void MoveTo_WrongLevel_Throws()
    {
        var community = Saved(2, "东岗社区党委", UnitKind.Community, Street);
        var branch = Saved(7, "第一党支部", UnitKind.Branch, community);
        var group = Saved(9, "第一党小组", UnitKind.PartyGroup, branch);
        Assert.Throws<InvalidOperationException>(() => branch.MoveTo(Street));
        Assert.Throws<InvalidOperationException>(() => group.MoveTo(community));
        Assert.Equal("/1/2/7/9/", group.Path);
    }

    [Fact]
    public void Rebase_DescendantOfMovedUnit_ReplacesPrefixOnly()
    {
        var from = Saved(2, "东岗社区党委", UnitKind.Community, Street);
        var to = Saved(3, "西站社区党总支", UnitKind.Community, Street);
        var branch = Saved(7, "第一党支部", UnitKind.Branch, from);
        var group = Saved(9, "第一党小组", UnitKind.PartyGroup, branch);

        var oldPath = branch.MoveTo(to);
        group.Rebase(oldPath, branch.Path);

        Assert.Equal("/1/3/7/9/", group.Path);
        Assert.True(group.IsWithin(to.Path));
        Assert.False(group.IsWithin(from.Path));
    }

    [Fact]
    public void Rename_SurroundingSpaces_AreTrimmed()
    {
        var community = Saved(2, "东岗社区党委", UnitKind.Community, Street);
        community.Rename("  东岗社区党总支 ");
        Assert.Equal("东岗社区党总支", community.Name);
    }

    [Theory]
    [InlineData("/1/5/12/", new[] { 1, 5, 12 })]
    [InlineData("/1/", new[] { 1 })]
    [InlineData("", new int[0])]
    public void IdsOf_Path_StreetFirstThenEachUnitBelow(string path, int[] ids) => Assert.Equal(ids, Unit.IdsOf(path));
}
