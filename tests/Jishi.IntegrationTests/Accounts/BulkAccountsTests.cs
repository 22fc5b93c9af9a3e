using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Accounts;

public sealed record BulkOpenedRow(int MemberId, string Name, string UserName, string Password, string Role, string UnitName);

public sealed record BulkAnswerRow(List<BulkOpenedRow> Accounts);

/// <summary>批量开通账号 and the password change it demands, on a database of their own (other tests open accounts too).</summary>
public sealed class BulkAccountsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private sealed record MemberFacts(int Id, int UnitId, string? Phone, string? IdNumber, bool Active, bool HasAccount);

    /// <summary>Every member of the unit's subtree, with whether it is active and has an account now.</summary>
    private Task<List<MemberFacts>> MembersUnderAsync(int unitId) => factory.WithDbAsync(db =>
    {
        var path = db.Units.Where(u => u.Id == unitId).Select(u => u.Path).First();
        return db.Members.Where(m => m.Unit!.Path.StartsWith(path))
            .Select(m => new MemberFacts(m.Id, m.UnitId, m.Phone, m.IdNumber, m.Status == MemberStatus.Active, db.Users.Any(u => u.MemberId == m.Id)))
            .ToListAsync();
    });

    private static async Task<(HttpStatusCode Status, BulkAnswerRow Answer)> OpenAsync(HttpClient client, int unitId, string role)
    {
        using var response = await client.PostAsJsonAsync("/api/accounts/bulk", new { unitId, role });
        return (response.StatusCode, response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<BulkAnswerRow>())! : new BulkAnswerRow([]));
    }

    [Fact]
    public async Task OpenInBulk_BranchOfOwnCommunity_OneAccountPerActiveMemberWithoutOneNeverIdNumberAndSecondCallOpensNothing()
    {
        var secretary = await factory.ClientForAsync("sq02");
        var community = await factory.CommunityOfAsync("sq02");
        var branch = (await factory.BranchesOfAsync(community.Id))[0];
        var before = await MembersUnderAsync(branch.Id);
        var expected = before.Where(m => m.Active && !m.HasAccount).ToList();

        var (status, answer) = await OpenAsync(secretary, branch.Id, "Member");
        var (againStatus, again) = await OpenAsync(secretary, branch.Id, "Member");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(m => m.Id).Order(), answer.Accounts.Select(a => a.MemberId).Order());
        var idNumbers = before.Select(m => m.IdNumber).OfType<string>().ToHashSet();
        Assert.All(answer.Accounts, a =>
        {
            var member = expected.Single(m => m.Id == a.MemberId);
            Assert.DoesNotContain(a.UserName, idNumbers);
            Assert.Equal(BulkAccountRules.MobileOf(member.Phone) ?? AccountAdmin.MemberUserName(member.Id), a.UserName);
            Assert.Equal(12, a.Password.Length);
            Assert.DoesNotContain(a.Password, c => "0O1lIo".Contains(c));
            Assert.Equal(Roles.Member, a.Role);
        });
        Assert.Equal(answer.Accounts.Count, answer.Accounts.Select(a => a.UserName).Distinct().Count());
        var stored = await factory.WithDbAsync(db => db.Users.Where(u => u.MemberId != null && expected.Select(m => m.Id).Contains(u.MemberId.Value))
            .Select(u => new { u.MemberId, u.MustChangePassword, u.UnitId }).ToListAsync());
        Assert.Equal(expected.Count, stored.Count);
        Assert.All(stored, u => Assert.True(u.MustChangePassword));
        Assert.All(stored, u => Assert.Equal(expected.Single(m => m.Id == u.MemberId).UnitId, u.UnitId));
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Empty(again.Accounts);
    }

    [Fact]
    public async Task OpenInBulk_OutsideScopeOrNotAnAdministrator_RefusedAndOpensNothing()
    {
        var own = await factory.CommunityOfAsync("sq03");
        var foreignBranch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq04")).Id))[0];
        var ownBranch = (await factory.BranchesOfAsync(own.Id))[0];
        var accountsBefore = await factory.WithDbAsync(db => db.Users.CountAsync());
        var branchSecretary = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, ownBranch.Id);
        var member = await factory.ClientForNewAccountAsync(Roles.Member, ownBranch.Id);

        var foreign = await OpenAsync(await factory.ClientForAsync("sq03"), foreignBranch.Id, "Member");
        var asBranchSecretary = await OpenAsync(branchSecretary, ownBranch.Id, "Member");
        var asMember = await OpenAsync(member, ownBranch.Id, "Member");
        var badRole = await OpenAsync(await factory.ClientForAsync("sq03"), ownBranch.Id, "StreetAdmin");

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asBranchSecretary.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asMember.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.Status);
        // Only the two accounts the test itself made.
        Assert.Equal(accountsBefore + 2, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task OpenInBulk_Secretaries_BranchSecretaryInBranchRoleOnceCommunityWithAccountSkipped()
    {
        var community = await factory.CommunityOfAsync("sq05");
        var branch = (await factory.BranchesOfAsync(community.Id))[1];
        var (secretaryId, secretaryName) = await factory.WithDbAsync(async db =>
        {
            var m = await db.Members.Where(x => x.UnitId == branch.Id && x.Status == MemberStatus.Active).OrderBy(x => x.Id).FirstAsync();
            var unit = await db.Units.SingleAsync(u => u.Id == branch.Id);
            unit.SecretaryName = m.Name;
            await db.SaveChangesAsync();
            return (m.Id, m.Name);
        });
        var admin = await factory.ClientForAsync("admin");

        var (status, answer) = await OpenAsync(admin, community.Id, BulkAccountRules.Secretaries);
        var (againStatus, again) = await OpenAsync(admin, community.Id, BulkAccountRules.Secretaries);

        Assert.Equal(HttpStatusCode.Created, status);
        var opened = Assert.Single(answer.Accounts);
        Assert.Equal((secretaryId, secretaryName, Roles.BranchSecretary, branch.Name), (opened.MemberId, opened.Name, opened.Role, opened.UnitName));
        var stored = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == opened.UserName));
        Assert.Equal((branch.Id, (int?)null, true), (stored.UnitId, stored.MemberId, stored.MustChangePassword));
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Empty(again.Accounts);
    }

    /// <summary>An account opened in bulk in the first branch of <paramref name="secretary"/>'s community, and a client with a
    /// token got with its one-time password.</summary>
    private async Task<(BulkOpenedRow Account, HttpClient Client)> OneTimeAccountAsync(string secretary)
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync(secretary)).Id))[0];
        var (_, answer) = await OpenAsync(await factory.ClientForAsync(secretary), branch.Id, "Member");
        var account = answer.Accounts[0];
        return (account, await factory.ClientForAsync(account.UserName, account.Password));
    }

    [Fact]
    public async Task BearerToken_PasswordNotChanged_403UntilChangedThenWorks()
    {
        var (account, fresh) = await OneTimeAccountAsync("sq07");

        using var refused = await fresh.GetAsync("/api/my/points");
        using var refusedUnits = await fresh.GetAsync("/api/units");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/my/points");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var refusedInEnglish = await fresh.SendAsync(english);
        var changed = await factory.ClientAfterPasswordChangeAsync(account.UserName, account.Password);
        using var works = await changed.GetAsync("/api/my/points");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = (await refused.Content.ReadFromJsonAsync<ProblemRow>())!;
        Assert.Equal("须先修改密码", problem.Title);
        Assert.Contains("修改密码", problem.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, refusedUnits.StatusCode);
        var englishProblem = (await refusedInEnglish.Content.ReadFromJsonAsync<ProblemRow>())!;
        Assert.Contains("change the password", englishProblem.Detail);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == account.UserName).Select(u => u.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_400AndStillRefused()
    {
        var (account, fresh) = await OneTimeAccountAsync("sq08");

        using var wrong = await fresh.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Not-The-One-1", newPassword = TestData.AccountPassword });
        using var still = await fresh.GetAsync("/api/my/points");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("当前密码不正确", (await wrong.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["currentPassword"]);
        Assert.Equal(HttpStatusCode.Forbidden, still.StatusCode);
    }

    [Fact]
    public async Task BearerToken_PasswordAlreadyItsOwn_NotRefused()
    {
        // The demo's own accounts and a test's accounts made with mustChangePassword = false are not refused.
        var demo = await factory.ClientForAsync("dy01");
        var created = await factory.ClientForNewAccountAsync(Roles.Member, (await factory.CommunityOfAsync("sq09")).Id);

        using var demoPoints = await demo.GetAsync("/api/my/points");
        using var createdPoints = await created.GetAsync("/api/my/points");

        Assert.Equal(HttpStatusCode.OK, demoPoints.StatusCode);
        Assert.Equal(HttpStatusCode.OK, createdPoints.StatusCode);
    }
}
