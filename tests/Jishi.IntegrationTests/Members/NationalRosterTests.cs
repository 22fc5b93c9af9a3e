using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jishi.IntegrationTests.Members;

/// <summary>A roster as the national party-member information system exports it: its own column order, no 分层类别,
/// 手机号 and 固定电话, branches under their national names, and a column Jishi has no field for.</summary>
[Collection(MemberExcelCollection.Name)]
public sealed class NationalRosterTests(JishiFactory factory)
{
    /// <summary>The national collection items, shuffled, with a row number first and 籍贯 (no field in Jishi) in between.</summary>
    private static readonly string[] NationalHeaders =
    [
        "序号", "姓名", "公民身份号码", "性别", "出生日期", "民族", "籍贯", "学历", "人员类别", "加入党组织日期", "转为正式党员日期",
        "所在党支部", "工作岗位", "是否为流动党员", "外出流向", "手机号", "固定电话", "家庭住址", "党籍状态", "是否为失联党员", "失去联系日期",
    ];

    private static int _people;

    [Fact]
    public async Task Import_NationalLayoutOf300Rows_PreviewsDerivedTiersThenImportsAndExportsEveryField()
    {
        var (admin, unitId, core) = await NewCommunityAsync();
        var rows = Enumerable.Range(0, 300).Select(i => NationalRow(i, core, withId: true)).ToList();
        var file = Build(rows);

        var preview = await ImportAsync(admin, file, unitId, preview: true);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        using (var json = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()))
        {
            var root = json.RootElement;
            Assert.Equal((0, 300, true), (root.GetProperty("imported").GetInt32(), root.GetProperty("rows").GetInt32(), root.GetProperty("preview").GetBoolean()));
            var derived = root.GetProperty("derived").EnumerateArray()
                .Select(d => (d.GetProperty("row").GetInt32(), d.GetProperty("column").GetString(), d.GetProperty("value").GetString())).ToList();
            Assert.Equal(rows.Select((r, i) => (i + 2, (string?)"分层类别", (string?)ExpectedTier(i))), derived);
            Assert.Equal(["籍贯"], root.GetProperty("kept").EnumerateArray().Select(k => k.GetString()));
            var members = root.GetProperty("members").EnumerateArray().ToList();
            Assert.Equal(300, members.Count);
            var eighth = members[7];
            Assert.Equal((9, (string?)rows[7]["姓名"], (string?)"第二党支部", (string?)TierDerivation.Retired, true),
                (eighth.GetProperty("row").GetInt32(), eighth.GetProperty("name").GetString(), eighth.GetProperty("unitName").GetString(),
                    eighth.GetProperty("tier").GetString(), eighth.GetProperty("tierDerived").GetBoolean()));
            // Masked as the roster's list masks it.
            Assert.Equal(Masking.IdNumber((string)rows[7]["公民身份号码"]!), eighth.GetProperty("idNumber").GetString());
        }
        Assert.Equal(0, await CountAsync(unitId));

        var response = await ImportAsync(admin, file, unitId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(300, imported.GetProperty("imported").GetInt32());
        Assert.False(imported.TryGetProperty("members", out _));
        var stored = await factory.WithDbAsync(db => db.Members.AsNoTracking().Include(m => m.Unit)
            .Where(m => m.Unit!.ParentId == unitId).ToListAsync());
        Assert.Equal(300, stored.Count);
        Assert.Equal(30, stored.Count(m => m.Tier == TierDerivation.Floating));
        Assert.Equal(rows.Where((_, i) => ExpectedTier(i) == TierDerivation.Retired).Count(), stored.Count(m => m.Tier == TierDerivation.Retired));
        Assert.Equal(150, stored.Count(m => m.Unit!.Name == "第一党支部"));
        var sample = stored.Single(m => m.Name == (string)rows[7]["姓名"]!);
        Assert.Equal((rows[7]["手机号"], rows[7]["固定电话"], rows[7]["籍贯"]), (sample.Phone, sample.Landline, sample.ExtraFields["籍贯"]));

        var exported = await ReadRowsAsync(await (await admin.GetAsync($"/api/members/export?unitId={unitId}")).Content.ReadAsByteArrayAsync());

        Assert.Equal(300, exported.Count);
        foreach (var row in rows)
        {
            var back = exported.Single(e => e["公民身份号码"] == (string)row["公民身份号码"]!);
            foreach (var header in NationalHeaders.Except(["序号", "所在党支部"]))
            {
                Assert.Equal(row[header] as string, back[header]);
            }
            Assert.Contains(back["所在党支部"], new[] { "第一党支部", "第二党支部" });
        }
    }

    [Fact]
    public async Task Export_NationalRosterImported_ImportsIntoAnotherCommunityUnchanged()
    {
        var (admin, source, core) = await NewCommunityAsync();
        // ID numbers are unique across the roster, so the round trip uses people without one.
        var rows = Enumerable.Range(0, 40).Select(i => NationalRow(i, core, withId: false)).ToList();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, Build(rows), source)).StatusCode);
        var exported = await (await admin.GetAsync($"/api/members/export?unitId={source}")).Content.ReadAsByteArrayAsync();
        var (_, target, _) = await NewCommunityAsync();

        var response = await ImportAsync(admin, exported, target);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(40, json.RootElement.GetProperty("imported").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("derived").EnumerateArray());
        var first = await ReadRowsAsync(exported);
        var again = await ReadRowsAsync(await (await admin.GetAsync($"/api/members/export?unitId={target}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Select(r => string.Join("|", r.Values)).Order(), again.Select(r => string.Join("|", r.Values)).Order());
        Assert.Contains(again, r => r["固定电话"] == (string)rows[3]["固定电话"]! && r["籍贯"] == (string)rows[3]["籍贯"]! && r["分层类别"] == ExpectedTier(3));
    }

    [Fact]
    public async Task Import_NationalLayoutWithBadCells_RefusesTheWholeFileNamingRowColumnInChinese()
    {
        var (admin, unitId, core) = await NewCommunityAsync();
        var rows = Enumerable.Range(0, 5).Select(i => NationalRow(i, core, withId: true)).ToList();
        rows[1]["固定电话"] = "12345";
        rows[3]["所在党支部"] = "中共" + core + "第九支部委员会";

        var response = await ImportAsync(admin, Build(rows), unitId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([(3, "固定电话"), (5, "所在党支部")], errors.Select(e => (e.Item1, e.Item2)));
        Assert.StartsWith("第3行「固定电话」", errors[0].Item3);
        Assert.StartsWith("第5行「所在党支部」", errors[1].Item3);
        Assert.Equal(0, await CountAsync(unitId));
    }

    [Fact]
    public async Task Import_IdNumberHeldInAnotherCommunity_SecretaryLearnsOnlyThatItCannotBeUsedAdminIsOfferedATransfer()
    {
        var (admin, unitId, core) = await NewCommunityAsync();
        var held = NationalRow(0, core, withId: true);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, Build([held]), unitId)).StatusCode);
        var holderId = await factory.WithDbAsync(db => db.Members.Where(m => m.IdNumber == (string)held["公民身份号码"]!).Select(m => m.Id).SingleAsync());
        var sq01 = await factory.ClientForAsync("sq01");
        var sq01Community = await factory.CommunityOfAsync("sq01");
        var again = NationalRow(1, "", withId: false);
        again["公民身份号码"] = held["公民身份号码"];
        again["出生日期"] = held["出生日期"];
        again["所在党支部"] = (await factory.BranchesOfAsync(sq01Community.Id))[0].Name;

        var secretary = await ImportAsync(sq01, Build([again]), sq01Community.Id);
        var street = await ImportAsync(admin, Build([again]), sq01Community.Id);

        Assert.Equal(HttpStatusCode.BadRequest, secretary.StatusCode);
        var neutral = await secretary.Content.ReadAsStringAsync();
        var error = JsonDocument.Parse(neutral).RootElement.GetProperty("errors")[0];
        Assert.Equal("第2行「公民身份号码」该公民身份号码不能在此使用，如有疑问请联系街道党工委", error.GetProperty("message").GetString());
        Assert.DoesNotContain((string)held["姓名"]!, neutral);
        Assert.DoesNotContain("transfer", neutral);
        Assert.Equal(HttpStatusCode.BadRequest, street.StatusCode);
        var offered = JsonDocument.Parse(await street.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Contains((string)held["姓名"]!, offered.GetProperty("message").GetString());
        Assert.Equal(holderId, offered.GetProperty("transfer").GetProperty("memberId").GetInt32());
    }

    /// <summary>The tier the import derives for row i: every tenth floats, every seventh of the rest is retired.</summary>
    private static string ExpectedTier(int i) => i % 10 == 0 ? TierDerivation.Floating : i % 7 == 0 ? TierDerivation.Retired : TierDerivation.Employed;

    /// <summary>Row i of a national file; its branch is named the national way (中共…第一支部委员会) or short (第二党支部) in turn.</summary>
    private static Dictionary<string, object?> NationalRow(int i, string communityCore, bool withId)
    {
        var n = Interlocked.Increment(ref _people);
        var birth = new DateOnly(1940, 1, 1).AddDays(7 * n);
        var body = "620102" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("000", CultureInfo.InvariantCulture);
        var joined = birth.AddYears(24);
        return new Dictionary<string, object?>
        {
            ["序号"] = (double)(i + 1),
            ["姓名"] = "全国" + n,
            ["公民身份号码"] = withId ? body + MemberRules.CheckCharacter(body) : null,
            ["性别"] = n % 2 == 0 ? "女" : "男",
            ["出生日期"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["民族"] = "汉族",
            ["籍贯"] = "甘肃" + (i % 3 == 0 ? "兰州" : "天水"),
            ["学历"] = "大学本科",
            ["人员类别"] = "正式党员",
            ["加入党组织日期"] = joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["转为正式党员日期"] = joined.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["所在党支部"] = i % 2 == 0 ? "中共" + communityCore + "第一支部委员会" : "第二党支部",
            ["工作岗位"] = i % 7 == 0 ? "离退休人员" : "专业技术人员",
            ["是否为流动党员"] = i % 10 == 0 ? "是" : "否",
            ["外出流向"] = i % 10 == 0 ? "广东省深圳市" : null,
            ["手机号"] = "137" + (20_000_000 + n),
            ["固定电话"] = "0931-8" + (100_000 + n),
            ["家庭住址"] = "城关区全国路" + n + "号",
            ["党籍状态"] = "正常",
            ["是否为失联党员"] = "否",
            ["失去联系日期"] = null,
        };
    }

    private static byte[] Build(IEnumerable<Dictionary<string, object?>> rows)
    {
        var builder = new XlsxBuilder().Row(NationalHeaders);
        foreach (var row in rows)
        {
            builder.Row(NationalHeaders.Select(h => row[h]).ToArray());
        }
        return builder.Build();
    }

    /// <summary>A new community under the demo street named as a real one (…社区党委) with two branches; its name
    /// without 党委 is what national branch names begin with.</summary>
    private async Task<(HttpClient Admin, int UnitId, string Core)> NewCommunityAsync()
    {
        var admin = await factory.ClientForAsync("admin");
        var street = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!.Single(u => u.Kind == "Street");
        var core = "全国" + Guid.NewGuid().ToString("N")[..6] + "社区";
        var community = await CreateUnitAsync(admin, street.Id, "Community", core + "党委");
        await CreateUnitAsync(admin, community, "Branch", "第一党支部");
        await CreateUnitAsync(admin, community, "Branch", "第二党支部");
        return (admin, community, core);
    }

    private static async Task<int> CreateUnitAsync(HttpClient client, int parentId, string kind, string name)
    {
        var response = await client.PostAsJsonAsync("/api/units", new { parentId, kind, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UnitRow>())!.Id;
    }

    private Task<int> CountAsync(int communityId) => factory.WithDbAsync(db => db.Members.CountAsync(m => m.Unit!.ParentId == communityId));

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, int unitId, bool preview = false)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { content, "file", "全国党员信息.xlsx" } };
        return await client.PostAsync($"/api/members/import?unitId={unitId}" + (preview ? "&preview=true" : ""), form);
    }

    private static Task<List<Dictionary<string, string?>>> ReadRowsAsync(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return Task.FromResult(MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(c => c.Key, c => c.Value?.ToString())).ToList());
    }

    private sealed record UnitRow(int Id, int? ParentId, string Kind, string Name);
}
