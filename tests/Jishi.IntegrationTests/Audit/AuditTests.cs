using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Members;
using Jishi.IntegrationTests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Audit;

[Collection(ApiCollection.Name)]
public sealed class AuditTests(JishiFactory factory)
{
    private sealed record AuditRow(long Id, DateTime At, string? UserName, string Entity, string Key, string Action, string? Before, string? After);

    private async Task<List<AuditRow>> EntriesAsync(string entity, int key)
    {
        var admin = await factory.ClientForAsync("admin");
        var page = await admin.GetFromJsonAsync<PageOf<AuditRow>>($"/api/audit?entity={entity}&key={key}&pageSize=500");
        return page!.Items.OrderBy(a => a.Id).ToList();
    }

    private static string? Field(string? json, string name) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty(name).ToString();

    [Fact]
    public async Task CreateAndUpdateMember_WritesAddedAndModifiedWithBeforeAfterAndUser()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForAsync("sq01");
        var started = factory.Clock.GetUtcNow().UtcDateTime;
        var member = await MemberEndpointTests.CreateAsync(client, MemberEndpointTests.NewMember(branch.Id, "审计前"));
        var input = MemberEndpointTests.NewMember(branch.Id, "审计后", member.IdNumber);
        (await client.PutAsJsonAsync($"/api/members/{member.Id}", input)).EnsureSuccessStatusCode();

        var entries = await EntriesAsync("Member", member.Id);

        Assert.Equal(["Added", "Modified"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("sq01", e.UserName));
        Assert.All(entries, e => Assert.InRange(e.At, started, factory.Clock.GetUtcNow().UtcDateTime));
        var (added, modified) = (entries[0], entries[1]);
        Assert.Null(added.Before);
        Assert.Equal("审计前", Field(added.After, "Name"));
        Assert.Contains("\"审计前\"", added.After); // readable Chinese, not \u escapes
        Assert.Equal(branch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field(added.After, "UnitId"));
        Assert.Equal(("审计前", "审计后"), (Field(modified.Before, "Name"), Field(modified.After, "Name")));
    }

    [Fact]
    public async Task DeleteUnit_WritesDeletedWithBeforeOnly()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync("sq01");
        var unit = await UnitEndpointTests.CreateAsync(client, community.Id, "Branch", "审计删除党支部");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/units/{unit.Id}")).StatusCode);

        var entries = await EntriesAsync("Unit", unit.Id);

        Assert.Equal("Deleted", entries[^1].Action);
        Assert.Equal("sq01", entries[^1].UserName);
        Assert.Equal("审计删除党支部", Field(entries[^1].Before, "Name"));
        Assert.Null(entries[^1].After);
        Assert.Contains(entries, e => e.Action == "Added");
    }

    [Fact]
    public async Task TransferMember_AuditsTransferRowAndUnitChange()
    {
        var branches = await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id);
        var client = await factory.ClientForAsync("sq01");
        var member = await MemberEndpointTests.CreateAsync(client, MemberEndpointTests.NewMember(branches[0].Id, "审计转接"));
        (await client.PostAsJsonAsync($"/api/members/{member.Id}/transfer", new { toUnitId = branches[1].Id })).EnsureSuccessStatusCode();

        var modified = (await EntriesAsync("Member", member.Id)).Single(e => e.Action == "Modified");
        Assert.Equal((branches[0].Id.ToString(), branches[1].Id.ToString()), (Field(modified.Before, "UnitId"), Field(modified.After, "UnitId")));
        var transferId = await factory.WithDbAsync(db => db.MemberTransfers.Where(t => t.MemberId == member.Id).Select(t => t.Id).SingleAsync());
        Assert.Equal("Added", Assert.Single(await EntriesAsync("MemberTransfer", transferId)).Action);
    }

    [Fact]
    public async Task AuditEntry_Update_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            db.Entry(entry).Property(a => a.UserName).CurrentValue = "forged";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message);
        Assert.DoesNotContain("forged", await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.UserName).Distinct().ToListAsync()));
    }

    [Fact]
    public async Task AuditEntry_Delete_IsRefused()
    {
        var (firstId, count) = await factory.WithDbAsync(async db => (await db.AuditEntries.MinAsync(a => a.Id), await db.AuditEntries.CountAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == firstId));
            return await db.SaveChangesAsync();
        }));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Id == firstId)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.CountAsync()) >= count);
    }
}
