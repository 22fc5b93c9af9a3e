using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Organizations;

[Collection(ApiCollection.Name)]
public sealed class UnitEndpointTests(JishiFactory factory)
{
    [Fact]
    public async Task ListUnits_AsCommunitySecretary_ReturnsOwnSubtreeOnly()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync("sq01");

        var units = (await client.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;

        var top = Assert.Single(units, u => u.Kind == "Community");
        Assert.Equal(community.Id, top.Id);
        Assert.DoesNotContain(units, u => u.Kind == "Street");
        Assert.Contains(units, u => u.Kind == "Branch");
        Assert.Contains(units, u => u.Kind == "PartyGroup");
        // Every unit hangs from another unit of the answer, except the top one.
        var ids = units.Select(u => u.Id).ToHashSet();
        Assert.All(units.Where(u => u.Id != top.Id), u => Assert.Contains(u.ParentId!.Value, ids));
        Assert.Equal(ids.Count, units.Count);
    }

    [Fact]
    public async Task ListUnits_Json_HasContractFieldsAndKnownKinds()
    {
        var client = await factory.ClientForAsync("admin");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/units"));
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        string[] kinds = ["Street", "Community", "Branch", "PartyGroup"];
        foreach (var unit in json.RootElement.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Number, unit.GetProperty("id").ValueKind);
            Assert.True(unit.GetProperty("parentId").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            Assert.Contains(unit.GetProperty("kind").GetString(), kinds);
            Assert.False(string.IsNullOrEmpty(unit.GetProperty("name").GetString()));
        }
        // Parents come before their children, so that a client can build the tree in one pass.
        var seen = new HashSet<int>();
        foreach (var unit in json.RootElement.EnumerateArray())
        {
            if (unit.GetProperty("parentId") is { ValueKind: JsonValueKind.Number } parent)
            {
                Assert.Contains(parent.GetInt32(), seen);
            }
            seen.Add(unit.GetProperty("id").GetInt32());
        }
        Assert.Equal(kinds.Order(), json.RootElement.EnumerateArray().Select(u => u.GetProperty("kind").GetString()!).Distinct().Order());
    }

    [Fact]
    public async Task CreateRenameMoveArchive_InOwnCommunity_ChangesTree()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync("sq01");

        var branch = await CreateAsync(client, community.Id, "Branch", "新建党支部");
        var group = await CreateAsync(client, branch.Id, "PartyGroup", "新建党小组");
        Assert.Equal(branch.Id, group.ParentId);

        var renamed = await client.PutAsJsonAsync($"/api/units/{branch.Id}", new { name = " 更名党支部 " });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("更名党支部", (await renamed.Content.ReadFromJsonAsync<UnitRow>())!.Name);

        var otherBranch = (await factory.BranchesOfAsync(community.Id)).First(b => b.Id != branch.Id);
        var moved = await client.PostAsJsonAsync($"/api/units/{group.Id}/move", new { parentId = otherBranch.Id });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(otherBranch.Id, (await moved.Content.ReadFromJsonAsync<UnitRow>())!.ParentId);

        var archived = await client.PostAsync($"/api/units/{branch.Id}/archive", null);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.True((await archived.Content.ReadFromJsonAsync<UnitRow>())!.IsArchived);
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<UnitRow>>("/api/units") ?? [], u => u.Id == branch.Id);
        Assert.Contains(await client.GetFromJsonAsync<List<UnitRow>>("/api/units?includeArchived=true") ?? [], u => u.Id == branch.Id && u.IsArchived);
    }

    [Fact]
    public async Task Move_UnderWrongLevel_Returns400WithChineseMessage()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync("sq01");
        var group = await CreateAsync(client, (await factory.BranchesOfAsync(community.Id))[0].Id, "PartyGroup", "待移动党小组");

        var response = await client.PostAsJsonAsync($"/api/units/{group.Id}/move", new { parentId = community.Id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemRow>();
        Assert.Contains("党小组", problem!.Detail);
    }

    [Fact]
    public async Task Create_WrongLevel_Returns400()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync("sq01");
        var response = await client.PostAsJsonAsync("/api/units", new { parentId = community.Id, kind = "PartyGroup", name = "越级党小组" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Delete_UnitWithMembers_Returns409WithChineseMessage()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var branch = (await factory.BranchesOfAsync(community.Id))[0];
        var client = await factory.ClientForAsync("sq01");

        var response = await client.DeleteAsync($"/api/units/{branch.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemRow>();
        Assert.Equal("操作冲突", problem!.Title);
        Assert.Contains($"「{branch.Name}」", problem.Detail);
        Assert.Contains("不能删除", problem.Detail);
        Assert.Contains(await client.GetFromJsonAsync<List<UnitRow>>("/api/units") ?? [], u => u.Id == branch.Id);
    }

    [Fact]
    public async Task Delete_EmptyUnit_Returns204AndRemovesIt()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync("sq01");
        var branch = await CreateAsync(client, community.Id, "Branch", "待删除党支部");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/units/{branch.Id}")).StatusCode);
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<UnitRow>>("/api/units?includeArchived=true") ?? [], u => u.Id == branch.Id);
    }

    [Fact]
    public async Task Delete_OwnTopUnit_Returns404()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync("sq01");
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/units/{community.Id}")).StatusCode);
    }

    internal static async Task<UnitRow> CreateAsync(HttpClient client, int parentId, string kind, string name)
    {
        var response = await client.PostAsJsonAsync("/api/units", new { parentId, kind, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var unit = (await response.Content.ReadFromJsonAsync<UnitRow>())!;
        Assert.Equal($"/api/units/{unit.Id}", response.Headers.Location?.OriginalString);
        return unit;
    }
}
