using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Members;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Jishi.IntegrationTests.Organizations;

[Collection(ApiCollection.Name)]
public sealed class OrgImportTests(JishiFactory factory)
{
    private const string Password = "Street-Test-2016";

    // The national layout's columns, shuffled, with 序号 in the middle.
    private static readonly string[] ShuffledHeaders =
        ["联系电话", "上级党组织名称", "党组织所在单位代码", "序号", "党组织名称", "组织类别", "单位类别", "党组织书记", "单位名称",
            "党组织所在单位情况", "党组织联系人", "单位建立党组织情况"];

    [Fact]
    public async Task Import_NationalListOfSixtyRowsChildrenFirst_BuildsTheTreeAndExportsEveryField()
    {
        var (client, streetId) = await NewStreetAsync();
        var rows = NationalList();
        Assert.Equal(60, rows.Count);
        var shuffled = rows.OrderBy(r => -Depth(r)).ThenBy(r => r["党组织名称"].GetHashCode(StringComparison.Ordinal)).ToList();
        var file = Sheet(ShuffledHeaders, shuffled.Select((r, i) => ShuffledHeaders.Select(h => h == "序号" ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : r.GetValueOrDefault(h)).ToArray()));

        var response = await ImportAsync(client, file, streetId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(60, (await response.Content.ReadFromJsonAsync<ImportAnswer>())!.Imported);
        var units = await UnitsAsync(client);
        Assert.Equal(6, units.Count(u => u.Kind == "Community" && u.ParentId == streetId));
        Assert.Equal(18, units.Count(u => u.Kind == "Branch"));
        Assert.Equal(36, units.Count(u => u.Kind == "PartyGroup"));
        var exported = await ExportAsync(client, streetId);
        Assert.Equal(["序号", .. OrgLayout.Columns.Select(OrgLayout.Header)], exported.Header);
        Assert.Equal(60, exported.Rows.Count);
        var byName = exported.Rows.ToDictionary(r => r["党组织名称"]!);
        foreach (var row in rows)
        {
            foreach (var (header, value) in row)
            {
                Assert.Equal(value, byName[row["党组织名称"]][header]);
            }
        }
        // Parents before children.
        var seen = new HashSet<string>();
        foreach (var row in exported.Rows)
        {
            Assert.True(row["上级党组织名称"] is null || seen.Contains(row["上级党组织名称"]!), row["党组织名称"]);
            seen.Add(row["党组织名称"]!);
        }
    }

    [Fact]
    public async Task Export_ImportedUnderFreshStreet_ComesBackCellByCell()
    {
        var (first, firstStreet) = await NewStreetAsync();
        var rows = NationalList();
        var headers = OrgLayout.Columns.Select(OrgLayout.Header).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(first, Sheet(headers, rows.Select(r => headers.Select(r.GetValueOrDefault).ToArray())), firstStreet)).StatusCode);
        var original = await first.GetByteArrayAsync($"/api/units/export?unitId={firstStreet}");
        var (second, secondStreet) = await NewStreetAsync();

        var response = await ImportAsync(second, original, secondStreet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await ExportAsync(second, secondStreet);
        var before = await ExportAsync(first, firstStreet);
        Assert.Equal(before.Header, again.Header);
        Assert.Equal(before.Rows.Count, again.Rows.Count);
        for (var i = 0; i < before.Rows.Count; i++)
        {
            Assert.Equal(before.Rows[i], again.Rows[i]);
        }
    }

    [Fact]
    public async Task Export_DemoCommunity_ListsItWithItsBranchesAndImportsBack()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = await factory.CommunityOfAsync("sq01");
        var exported = await admin.GetByteArrayAsync($"/api/units/export?unitId={community.Id}");
        var rows = Read(exported).Rows;
        Assert.Equal(community.Name, rows[0]["党组织名称"]);
        Assert.Null(rows[0]["上级党组织名称"]);
        Assert.Equal(community.OrgCategory, rows[0]["组织类别"]);
        Assert.All(rows.Skip(1), r => Assert.NotNull(r["上级党组织名称"]));
        var (client, streetId) = await NewStreetAsync();

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client, exported, streetId)).StatusCode);
        Assert.Equal(rows, (await ExportAsync(client, streetId)).Rows);
    }

    public static TheoryData<string, string[][], int, string, string> Refusals => new()
    {
        { "unknown parent", [["东岗社区党委", "", "党委", ""], ["第一党支部", "西岗社区党委", "党支部", ""]], 3, "上级党组织名称", "找不到名为「西岗社区党委」" },
        { "ambiguous parent", [["东岗社区党委", "", "党委", ""], ["第一党支部", "东岗社区党委", "党支部", ""], ["西岗社区党委", "", "党委", ""],
            ["第一党支部", "西岗社区党委", "党支部", ""], ["第一党小组", "第一党支部", "党小组", ""]], 6, "上级党组织名称", "不止一个" },
        { "cycle", [["甲党支部", "乙党支部", "党支部", ""], ["乙党支部", "甲党支部", "党支部", ""]], 2, "上级党组织名称", "循环" },
        { "duplicate", [["东岗社区党委", "", "党委", ""], ["第一党支部", "东岗社区党委", "党支部", ""], ["第一党支部", "东岗社区党委", "党支部", ""]],
            4, "党组织名称", "与第3行同名" },
        { "credit code", [["东岗社区党委", "", "党委", "91350100M000100Y44"]], 2, "党组织所在单位代码", "不是有效的统一社会信用代码" },
        { "category", [["东岗社区党委", "", "居委会", ""]], 2, "组织类别", "不是全国党员管理信息系统的组织类别" },
        { "category level", [["东岗社区党委", "", "党委", ""], ["第一党委", "东岗社区党委", "党委", ""]], 3, "组织类别", "不能作为党支部" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Import_BadList_RefusesWithRowColumnAndChineseMessageAndImportsNothing(string name, string[][] rows, int row, string column, string message)
    {
        var (client, streetId) = await NewStreetAsync();
        string[] headers = ["党组织名称", "上级党组织名称", "组织类别", "党组织所在单位代码"];

        var response = await ImportAsync(client, Sheet(headers, rows), streetId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<Refusal>())!.Errors;
        var error = errors[0];
        Assert.Equal((row, column), (error.Row, error.Column));
        Assert.StartsWith($"第{row}行「{column}」", error.Message);
        Assert.Contains(message, error.Message);
        Assert.Single(await UnitsAsync(client));
        Assert.NotEmpty(name);
    }

    [Fact]
    public async Task Import_CommunitySecretaryUnderAnotherCommunity_Answers404()
    {
        var secretary = await factory.ClientForAsync("sq01");
        var other = await factory.CommunityOfAsync("sq02");

        var response = await ImportAsync(secretary, Sheet(["党组织名称"], [["第九党支部"]]), other.Id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Import_CommunitySecretaryUnderOwnCommunity_AddsBranches()
    {
        var secretary = await factory.ClientForAsync("sq03");
        var own = await factory.CommunityOfAsync("sq03");
        var name = "导入" + Guid.NewGuid().ToString("N")[..6] + "党支部";

        var response = await ImportAsync(secretary, Sheet(["党组织名称", "组织类别"], [[name, "党支部"]]), own.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await UnitsAsync(secretary), u => u.Name == name && u.Kind == "Branch" && u.ParentId == own.Id);
    }

    [Fact]
    public async Task Items_SecretaryNamedInRoster_MatchedToTheMember()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = await factory.CommunityOfAsync("sq04");
        var member = await factory.WithDbAsync(db => Task.FromResult(db.Members.First(m => m.UnitId == community.Id || m.Unit!.ParentId == community.Id)));
        var branch = member.UnitId;

        var saved = await admin.PutAsJsonAsync($"/api/units/{branch}/items", new { secretaryName = member.Name, orgCategory = "党支部", employerCreditCode = "91350100M000100Y43" });
        var vacant = await admin.PutAsJsonAsync($"/api/units/{branch}/items", new { orgCategory = "党支部" });
        var refused = await admin.PutAsJsonAsync($"/api/units/{branch}/items", new { employerCreditCode = "91350100M000100Y44" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(member.Id, (await saved.Content.ReadFromJsonAsync<ItemsAnswer>())!.SecretaryMemberId);
        var cleared = (await vacant.Content.ReadFromJsonAsync<ItemsAnswer>())!;
        Assert.Null(cleared.SecretaryName);
        Assert.Null(cleared.SecretaryMemberId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesImportAndExport()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/units/import\"", document);
        Assert.Contains("\"/api/units/export\"", document);
    }

    /// <summary>Six communities, each with three branches of two party groups: 60 organizations with every item filled.</summary>
    private static List<Dictionary<string, string>> NationalList()
    {
        var rows = new List<Dictionary<string, string>>();
        string[] communities = ["东岗", "西岗", "南关", "北关", "中山", "和平"];
        string[] ordinals = ["第一", "第二", "第三"];
        var n = 0;
        Dictionary<string, string> Row(string name, string parent, string category)
        {
            n++;
            var body = "913501" + (10_000_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture)[..11];
            var row = new Dictionary<string, string>
            {
                ["党组织名称"] = name, ["党组织书记"] = "书记" + n, ["党组织联系人"] = "联系人" + n, ["联系电话"] = "0931-" + (8_000_000 + n),
                ["组织类别"] = category, ["党组织所在单位情况"] = "与上级党组织相同", ["单位名称"] = name + "所在单位", ["单位类别"] = "社区（居委会）",
                ["单位建立党组织情况"] = "建立党委", ["党组织所在单位代码"] = body + CreditCode.CheckCharacter(body + "0"),
            };
            if (parent.Length > 0)
            {
                row["上级党组织名称"] = parent;
            }
            return row;
        }
        foreach (var c in communities)
        {
            var community = $"中共{c}社区委员会";
            rows.Add(Row(community, "", "党委"));
            foreach (var b in ordinals)
            {
                var branch = $"中共{c}社区{b}支部委员会";
                rows.Add(Row(branch, community, "党支部"));
                rows.Add(Row(branch + "第一党小组", branch, "党小组"));
                rows.Add(Row(branch + "第二党小组", branch, "党小组"));
            }
        }
        return rows;
    }

    private static int Depth(Dictionary<string, string> row) => row["党组织名称"].EndsWith("党小组", StringComparison.Ordinal) ? 2
        : row["党组织名称"].EndsWith("支部委员会", StringComparison.Ordinal) ? 1 : 0;

    private static byte[] Sheet(string[] headers, IEnumerable<string?[]> rows)
    {
        var builder = new XlsxBuilder().Row(headers);
        foreach (var row in rows)
        {
            builder.Row(row.Select(c => string.IsNullOrEmpty(c) ? null : (object)c).ToArray());
        }
        return builder.Build();
    }

    /// <summary>A new street with an admin of its own, so that a list can go in under it without meeting the demo's names.</summary>
    private async Task<(HttpClient Client, int StreetId)> NewStreetAsync()
    {
        var userName = "street-" + Guid.NewGuid().ToString("N")[..10];
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            var street = new Unit("测试街道" + userName, UnitKind.Street, null);
            db.Units.Add(street);
            await db.SaveChangesAsync();
            street.AssignPath();
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await DatabaseInitializer.CreateUserAsync(users, new AppUser { UserName = userName, DisplayName = "测试街道管理员", UnitId = street.Id },
                Password, Roles.StreetAdmin);
        }
        var client = await factory.ClientForAsync(userName, Password);
        return (client, (await UnitsAsync(client)).Single().Id);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, int parentId)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { content, "file", "党组织.xlsx" } };
        return await client.PostAsync($"/api/units/import?parentId={parentId}", form);
    }

    private static async Task<(List<string> Header, List<Dictionary<string, string?>> Rows)> ExportAsync(HttpClient client, int unitId)
    {
        var response = await client.GetAsync($"/api/units/export?unitId={unitId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static (List<string> Header, List<Dictionary<string, string?>> Rows) Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() is { Length: > 0 } s ? s : null).ToList()).ToList();
        var header = rows[0].Select(h => h!).ToList();
        return (header, rows.Skip(1).Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList());
    }

    private static async Task<List<UnitRow>> UnitsAsync(HttpClient client) => (await client.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;

    private sealed record ImportAnswer(int Imported);

    private sealed record Refusal(List<ErrorRow> Errors);

    private sealed record ErrorRow(int? Row, string? Column, string Message);

    private sealed record UnitRow(int Id, int? ParentId, string Kind, string Name);

    private sealed record ItemsAnswer(int Id, string? SecretaryName, int? SecretaryMemberId);
}
