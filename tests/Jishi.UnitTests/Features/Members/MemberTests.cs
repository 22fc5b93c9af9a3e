using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;

namespace Jishi.UnitTests.Features.Members;

/// <summary>A member's data changes only through <see cref="Member.Update"/> and its unit only through a transfer.</summary>
public sealed class MemberTests
{
    private static readonly Unit Street = new("七里墩街道党工委", UnitKind.Street, null);
    private static readonly Unit Community = WithId(new Unit("七里墩社区党委", UnitKind.Community, Street), 5);
    private static readonly Unit Neighbour = WithId(new Unit("金港城社区党委", UnitKind.Community, Street), 6);

    private static Unit WithId(Unit unit, int id)
    {
        typeof(Unit).GetProperty(nameof(Unit.Id))!.SetValue(unit, id);
        return unit;
    }

    private static MemberInput Input() => new()
    {
        Name = " 王建华 ",
        Gender = "男 ",
        Ethnicity = " 汉族",
        BirthDate = new DateOnly(1949, 12, 31),
        IdNumber = " １１０１０５１９４９１２３１００２x ",
        Education = "大学 ",
        Category = MemberCategory.Probationary,
        UnitId = 99,
        JoinedOn = new DateOnly(2015, 7, 1),
        FullMemberOn = new DateOnly(2016, 7, 1),
        Post = " 社区干部 ",
        Phone = "１３９１２３４５６７８ ",
        Landline = " ０９３１-８８８８８８８",
        Address = " 七里墩街道1号楼 ",
        MembershipSuspended = true,
        IsLost = true,
        LostSince = "2015-03",
        IsFloating = true,
        FloatingTo = " 甘肃省兰州市城关区 ",
        Tier = " 在职党员 ",
        Position = " 社区党组织书记 ",
        Status = MemberStatus.Deceased,
        ExtraFields = new Dictionary<string, string> { ["党内职务"] = "组织委员" },
    };

    [Fact]
    public void New_Input_TrimmedNormalizedAndPlacedInTheGivenUnit()
    {
        var member = new Member(Input(), Community);

        Assert.Equal(("王建华", "男", "汉族", "大学"), (member.Name, member.Gender, member.Ethnicity, member.Education));
        Assert.Equal("11010519491231002X", member.IdNumber);
        Assert.Equal(("13912345678", "0931-8888888"), (member.Phone, member.Landline));
        Assert.Equal((new DateOnly(1949, 12, 31), new DateOnly(2015, 7, 1), new DateOnly(2016, 7, 1)),
            (member.BirthDate, member.JoinedOn, member.FullMemberOn));
        Assert.Equal(("社区干部", "七里墩街道1号楼", "甘肃省兰州市城关区"), (member.Post, member.Address, member.FloatingTo));
        Assert.Equal((true, true, "2015-03", true), (member.MembershipSuspended, member.IsLost, member.LostSince, member.IsFloating));
        Assert.Equal(("在职党员", "社区党组织书记"), (member.Tier, member.Position));
        Assert.Equal((MemberCategory.Probationary, MemberStatus.Deceased), (member.Category, member.Status));
        Assert.Equal("组织委员", Assert.Single(member.ExtraFields).Value);
        Assert.Same(Community, member.Unit);
        Assert.Equal(5, member.UnitId);
        Assert.Empty(member.Transfers);
    }

    [Fact]
    public void Update_NewData_ReplacedUnitKept()
    {
        var member = new Member(Input(), Community);

        member.Update(new MemberInput { Name = "王建国", Gender = "男", Tier = "离退休", UnitId = Neighbour.Id, IdNumber = "  " });

        Assert.Equal(("王建国", "离退休"), (member.Name, member.Tier));
        Assert.Null(member.IdNumber);
        Assert.Null(member.Phone);
        Assert.False(member.IsFloating);
        Assert.Equal((MemberCategory.Full, MemberStatus.Active), (member.Category, member.Status));
        Assert.Equal(5, member.UnitId);
        Assert.Empty(member.Transfers);
    }

    [Fact]
    public void Update_NoExtraFields_KeptGiven_Replaced()
    {
        var member = new Member(Input(), Community);

        member.Update(Input() with { ExtraFields = null });
        Assert.Equal("组织委员", member.ExtraFields["党内职务"]);

        var given = new Dictionary<string, string> { ["入党介绍人"] = "李秀英" };
        member.Update(Input() with { ExtraFields = given });
        given["入党介绍人"] = "改了";

        Assert.Equal("李秀英", Assert.Single(member.ExtraFields).Value);
    }

    [Fact]
    public void TransferTo_AnotherUnit_MovedAndRecorded()
    {
        var member = new Member(Input(), Community);

        var transfer = member.TransferTo(Neighbour, new DateOnly(2016, 3, 1), "工作调动");

        Assert.Equal((5, 6, new DateOnly(2016, 3, 1), "工作调动"), (transfer.FromUnitId, transfer.ToUnitId, transfer.On, transfer.Note));
        Assert.Equal([transfer], member.Transfers);
        Assert.Same(Neighbour, member.Unit);
        Assert.Equal(6, member.UnitId);
    }

    [Fact]
    public void TransferTo_SameUnit_Throws()
    {
        var member = new Member(Input(), Community);

        Assert.Throws<InvalidOperationException>(() => member.TransferTo(Community, new DateOnly(2016, 3, 1), null));
        Assert.Empty(member.Transfers);
    }
}
