using Jishi.Web.Features.Accounts;

namespace Jishi.UnitTests.Features.Accounts;

public sealed class RolesTests
{
    [Fact]
    public void HomeOf_MemberOnly_MyPoints() => Assert.Equal("/my/points", Roles.HomeOf([Roles.Member]));

    [Theory]
    [InlineData(Roles.CommunitySecretary)]
    [InlineData(Roles.BranchSecretary, Roles.Member)]
    [InlineData]
    public void HomeOf_AnyManagerRoleOrNone_AdminHome(params string[] roles) => Assert.Equal("/", Roles.HomeOf(roles));
}
