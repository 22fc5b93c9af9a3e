using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Members;

[Collection(ApiCollection.Name)]
public sealed class MemberEndpointTests(JishiFactory factory)
{
    private static int _serial;

    /// <summary>A valid, unused ID number for the given birth date (GB 11643 check character).</summary>
    internal static string NewIdNumber(DateOnly birth)
    {
        var body = "620103" + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
            + (Interlocked.Increment(ref _serial) % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return body + MemberRules.CheckCharacter(body);
    }

    internal static object NewMember(int unitId, string name = "测试党员", string? idNumber = null, string phone = "13912345678")
    {
        var birth = new DateOnly(1980, 5, 20);
        return new
        {
            name, gender = "女", ethnicity = "汉族", birthDate = birth, idNumber = idNumber ?? NewIdNumber(birth),
            education = "大学本科", category = "Full", unitId, joinedOn = new DateOnly(2005, 7, 1), fullMemberOn = new DateOnly(2006, 7, 1),
            phone, tier = "在职", status = "Active",
        };
    }

    internal static async Task<MemberDetailRow> CreateAsync(HttpClient client, object member)
    {
        var response = await client.PostAsJsonAsync("/api/members", member);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MemberDetailRow>())!;
    }

    [Fact]
    public async Task Create_ValidMember_Returns201WithMember()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForAsync("sq01");
        var idNumber = NewIdNumber(new DateOnly(1980, 5, 20));

        var response = await client.PostAsJsonAsync("/api/members", NewMember(branch.Id, "新党员", idNumber));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = (await response.Content.ReadFromJsonAsync<MemberDetailRow>())!;
        Assert.Equal($"/api/members/{member.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("新党员", branch.Id, branch.Name, "在职", "Active", "Full"), (member.Name, member.UnitId, member.UnitName, member.Tier, member.Status, member.Category));
        Assert.Equal(idNumber, member.IdNumber);
        Assert.Equal(new DateOnly(2005, 7, 1), member.JoinedOn);
        var again = await client.GetFromJsonAsync<MemberDetailRow>($"/api/members/{member.Id}");
        Assert.Equal(member, again);
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400WithErrorsMapInChinese()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForAsync("sq01");
        var invalid = new { name = "", gender = "男", idNumber = "110105194912310021", unitId = branch.Id, phone = "12345", tier = "在职" };

        var response = await client.PostAsJsonAsync("/api/members", invalid);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemRow>())!;
        Assert.Equal(400, problem.Status);
        Assert.Equal(["idNumber", "joinedOn", "name", "phone"], problem.Errors!.Keys.Order());
        Assert.Contains("校验码", problem.Errors["idNumber"].Single());
        Assert.All(problem.Errors.Values.SelectMany(m => m).Append(problem.Title), m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public async Task Create_InvalidFieldsInEnglish_ReturnsEnglishMessages()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForAsync("sq01");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/members")
        {
            Content = JsonContent.Create(new { name = "", gender = "男", unitId = branch.Id, tier = "在职", joinedOn = "2005-07-01" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<ProblemRow>())!;

        Assert.Equal(["name"], problem.Errors!.Keys);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", problem.Errors["name"].Single());
    }

    [Fact]
    public async Task Create_IdNumberHeldInAnotherCommunity_SecretaryGetsOnlyANeutralMessage()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var elsewhere = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq02")).Id))[0];
        var client = await factory.ClientForAsync("sq01");
        var holder = await CreateAsync(await factory.ClientForAsync("admin"), NewMember(elsewhere.Id, "别处党员"));
        // Full-width digits are the same number as the ASCII one already in the roster.
        var fullWidth = new string(holder.IdNumber!.Select(c => char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c).ToArray());

        var response = await client.PostAsJsonAsync("/api/members", NewMember(branch.Id, "重复党员", fullWidth));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonSerializer.Deserialize<ProblemRow>(body, JsonSerializerOptions.Web)!;
        Assert.Equal("该公民身份号码不能在此使用，如有疑问请联系街道党工委", Assert.Single(problem.Errors!["idNumber"]));
        Assert.DoesNotContain(holder.Name, body);
        Assert.DoesNotContain("transfer", body);
        Assert.DoesNotContain("党员名册", body);
    }

    [Fact]
    public async Task Create_IdNumberHeldInTheStreet_StreetAdminIsOfferedATransfer()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var elsewhere = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq02")).Id))[0];
        var admin = await factory.ClientForAsync("admin");
        var holder = await CreateAsync(admin, NewMember(elsewhere.Id, "别处党员"));

        var response = await admin.PostAsJsonAsync("/api/members", NewMember(branch.Id, "重复党员", holder.IdNumber));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = json.RootElement.GetProperty("errors").GetProperty("idNumber")[0].GetString()!;
        Assert.Contains($"已在党员名册中：{holder.Name}（{holder.UnitName}）", message);
        var transfer = json.RootElement.GetProperty("transfer");
        Assert.Equal(holder.Id, transfer.GetProperty("memberId").GetInt32());
        var moved = await admin.PostAsJsonAsync($"/api/members/{holder.Id}/transfer", new { toUnitId = branch.Id });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(branch.Id, (await moved.Content.ReadFromJsonAsync<MemberDetailRow>())!.UnitId);
    }

    [Fact]
    public async Task List_Json_IsPageOfContractFields()
    {
        var client = await factory.ClientForAsync("sq01");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/members?pageSize=3"));
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 3);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        foreach (var field in new[] { "id", "name", "unitId", "tier", "status" })
        {
            Assert.All(items, i => Assert.True(i.TryGetProperty(field, out _), field));
        }
        Assert.All(items, i => Assert.Equal("Active", i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task List_PageSizeAbove500_IsCappedAt500()
    {
        var client = await factory.ClientForAsync("admin");
        var page = (await client.GetFromJsonAsync<PageOf<MemberRow>>("/api/members?pageSize=1000"))!;
        Assert.True(page.Total > 500, $"the demo has {page.Total} members");
        Assert.Equal(500, page.Items.Count);
        var rest = (await client.GetFromJsonAsync<PageOf<MemberRow>>("/api/members?pageSize=500&page=2"))!;
        Assert.Equal(page.Total - 500, rest.Items.Count);
        Assert.Empty(page.Items.Select(m => m.Id).Intersect(rest.Items.Select(m => m.Id)));
    }

    [Fact]
    public async Task List_Pages_DoNotOverlapAndCoverTotal()
    {
        var client = await factory.ClientForAsync("sq01");
        var first = (await client.GetFromJsonAsync<PageOf<MemberRow>>("/api/members?page=1&pageSize=10"))!;
        var second = (await client.GetFromJsonAsync<PageOf<MemberRow>>("/api/members?page=2&pageSize=10"))!;
        var all = (await client.GetFromJsonAsync<PageOf<MemberRow>>("/api/members?pageSize=500"))!;
        Assert.Equal(10, first.Items.Count);
        Assert.Empty(first.Items.Select(m => m.Id).Intersect(second.Items.Select(m => m.Id)));
        Assert.Equal(first.Total, all.Total);
        Assert.Equal(all.Total, all.Items.Count);
        Assert.Equal(all.Items.Take(20).Select(m => m.Id), first.Items.Concat(second.Items).Select(m => m.Id));
    }

    [Fact]
    public async Task List_QByName_ReturnsOnlyMatchingMembers()
    {
        var client = await factory.ClientForAsync("sq01");
        var community = await factory.CommunityOfAsync("sq01");
        var secretary = community.SecretaryName!;

        var page = (await client.GetFromJsonAsync<PageOf<MemberRow>>($"/api/members?q={Uri.EscapeDataString(secretary)}"))!;

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, m => Assert.Contains(secretary, m.Name));
        Assert.Equal(page.Total, page.Items.Count);
    }

    [Fact]
    public async Task List_QByFullWidthPhoneDigits_FindsMember()
    {
        var client = await factory.ClientForAsync("sq01");
        var community = await factory.CommunityOfAsync("sq01");
        var target = await factory.WithDbAsync(db => db.Members.Where(m => m.Unit!.Path.StartsWith(community.Path) && m.Phone != null)
            .OrderBy(m => m.Id).FirstAsync());
        var q = new string(target.Phone![^8..].Select(c => (char)(c + 0xFEE0)).ToArray());

        var page = (await client.GetFromJsonAsync<PageOf<MemberRow>>($"/api/members?q={Uri.EscapeDataString(q)}"))!;

        Assert.Contains(page.Items, m => m.Id == target.Id);
    }

    [Fact]
    public async Task List_UnitFilter_ReturnsMembersOfThatSubtreeOnly()
    {
        var client = await factory.ClientForAsync("sq01");
        var community = await factory.CommunityOfAsync("sq01");
        var branch = (await factory.BranchesOfAsync(community.Id))[1];
        var subtree = (await client.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
        var allowed = subtree.Where(u => u.Id == branch.Id || u.ParentId == branch.Id).Select(u => u.Id).ToHashSet();
        var expected = await factory.WithDbAsync(db => db.Members.CountAsync(m => m.Unit!.Path.StartsWith(branch.Path)));

        var page = (await client.GetFromJsonAsync<PageOf<MemberRow>>($"/api/members?unitId={branch.Id}&pageSize=500"))!;

        Assert.Equal(expected, page.Total);
        Assert.True(page.Total > 0);
        Assert.All(page.Items, m => Assert.Contains(m.UnitId, allowed));
        var whole = (await client.GetFromJsonAsync<PageOf<MemberRow>>("/api/members"))!;
        Assert.True(whole.Total > page.Total);
    }

    [Fact]
    public async Task Transfer_TwoMoves_KeepsHistoryInOrder()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var branches = await factory.BranchesOfAsync(community.Id);
        var client = await factory.ClientForAsync("sq01");
        var member = await CreateAsync(client, NewMember(branches[0].Id, "转接党员"));

        var first = await client.PostAsJsonAsync($"/api/members/{member.Id}/transfer", new { toUnitId = branches[1].Id, on = "2016-03-01", note = "工作调动" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(branches[1].Id, (await first.Content.ReadFromJsonAsync<MemberDetailRow>())!.UnitId);
        var second = await client.PostAsJsonAsync($"/api/members/{member.Id}/transfer", new { toUnitId = branches[2].Id, on = "2016-09-01" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var history = JsonDocument.Parse(await client.GetStringAsync($"/api/members/{member.Id}/transfers"));
        var moves = history.RootElement.EnumerateArray()
            .Select(t => (t.GetProperty("fromUnitId").GetInt32(), t.GetProperty("toUnitId").GetInt32(), t.GetProperty("on").GetString()))
            .ToList();
        Assert.Equal([(branches[0].Id, branches[1].Id, "2016-03-01"), (branches[1].Id, branches[2].Id, "2016-09-01")], moves);
        Assert.Equal(branches[0].Name, history.RootElement[0].GetProperty("fromUnitName").GetString());
        Assert.Equal("工作调动", history.RootElement[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task Transfer_SameUnit_Returns400()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForAsync("sq01");
        var member = await CreateAsync(client, NewMember(branch.Id, "原地党员"));
        var response = await client.PostAsJsonAsync($"/api/members/{member.Id}/transfer", new { toUnitId = branch.Id });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Update_MaskedNumbersSentBack_KeepStoredNumbers()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var branch = (await factory.BranchesOfAsync(community.Id))[0];
        var client = await factory.ClientForAsync("sq01");
        var idNumber = NewIdNumber(new DateOnly(1980, 5, 20));
        var member = await CreateAsync(client, NewMember(branch.Id, "改名前", idNumber, "13812345678"));
        var masked = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, branch.Id);
        var shown = (await masked.GetFromJsonAsync<MemberDetailRow>($"/api/members/{member.Id}"))!;

        var update = await masked.PutAsJsonAsync($"/api/members/{member.Id}", new
        {
            name = "改名后", gender = "女", birthDate = shown.BirthDate, idNumber = shown.IdNumber, category = "Full",
            unitId = branch.Id, joinedOn = shown.JoinedOn, fullMemberOn = "2006-07-01", phone = shown.Phone, tier = "在职", status = "Active",
        });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == member.Id));
        Assert.Equal(("改名后", idNumber, "13812345678"), (stored.Name, stored.IdNumber, stored.Phone));
    }

    [Fact]
    public async Task Masking_BranchSecretary_SeesMaskedPhoneAndIdNumber()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, branch.Id);
        var stored = await factory.WithDbAsync(db => db.Members.AsNoTracking()
            .Where(m => m.Unit!.Path.StartsWith(branch.Path) && m.Phone != null && m.IdNumber != null).OrderBy(m => m.Id).FirstAsync());

        var page = (await client.GetFromJsonAsync<PageOf<MemberRow>>($"/api/members?pageSize=500"))!;
        var row = Assert.Single(page.Items, m => m.Id == stored.Id);
        var detail = (await client.GetFromJsonAsync<MemberDetailRow>($"/api/members/{stored.Id}"))!;

        Assert.Equal(stored.Phone![..3] + "****" + stored.Phone[^4..], row.Phone);
        Assert.Equal(stored.IdNumber![..6] + "********" + stored.IdNumber[^4..], row.IdNumber);
        Assert.All(page.Items, m => Assert.DoesNotContain(m.IdNumber ?? "", stored.IdNumber.Substring(6, 8)));
    }

    [Fact]
    public async Task Masking_MemberRole_CannotReadRoster()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForNewAccountAsync(Roles.Member, branch.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/members")).StatusCode);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("sq01")]
    public async Task Masking_StreetAdminAndCommunitySecretary_SeeMaskedListsAndRevealOnTheMemberAudited(string userName)
    {
        var community = await factory.CommunityOfAsync("sq01");
        var client = await factory.ClientForAsync(userName);
        var stored = await factory.WithDbAsync(db => db.Members.AsNoTracking()
            .Where(m => m.Unit!.Path.StartsWith(community.Path) && m.Phone != null && m.IdNumber != null).OrderBy(m => m.Id).FirstAsync());
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Member" && a.Key == stored.Id.ToString() && a.Action == "Revealed"));

        var page = (await client.GetFromJsonAsync<PageOf<MemberRow>>($"/api/members?unitId={community.Id}&pageSize=500"))!;
        var revealed = await client.PostAsync($"/api/members/{stored.Id}/reveal", null);

        var row = page.Items.Single(m => m.Id == stored.Id);
        Assert.Equal((stored.Phone![..3] + "****" + stored.Phone[^4..], stored.IdNumber![..6] + "********" + stored.IdNumber[^4..]), (row.Phone, row.IdNumber));
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var clear = (await revealed.Content.ReadFromJsonAsync<MemberDetailRow>())!;
        Assert.Equal((stored.Phone, stored.IdNumber), (clear.Phone, clear.IdNumber));
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == "Member" && a.Key == stored.Id.ToString() && a.Action == "Revealed").ToListAsync());
        Assert.Equal(audited + 1, entries.Count);
        Assert.Contains(entries, e => e.UserName == userName);
    }

    [Fact]
    public async Task Reveal_BranchSecretary_Returns403AndWritesNothing()
    {
        var branch = (await factory.BranchesOfAsync((await factory.CommunityOfAsync("sq01")).Id))[0];
        var client = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, branch.Id);
        var id = await factory.WithDbAsync(db => db.Members.Where(m => m.UnitId == branch.Id).Select(m => m.Id).FirstAsync());
        var revealed = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Revealed"));

        var response = await client.PostAsync($"/api/members/{id}/reveal", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(revealed, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Revealed")));
    }
}
