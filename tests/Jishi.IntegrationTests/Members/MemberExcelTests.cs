using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jishi.IntegrationTests.Members;

[Collection(MemberExcelCollection.Name)]
public sealed class MemberExcelTests(JishiFactory factory)
{
    private static readonly string[] Headers = MemberExcelColumns.All.Select(c => c.Header).ToArray();
    private static int _people;

    [Fact]
    public async Task Import_GoodFile_ImportsEveryRow()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var file = Sheet(Person("赵一"), Person("钱二", unit: "第二党支部"), Person("孙三"));
        var audited = await AuditedMembersAsync(admin);

        var response = await ImportAsync(admin, file, unitId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<ImportAnswer>())!.Imported);
        var roster = await RosterAsync(unitId);
        Assert.Equal(["孙三", "赵一", "钱二"], roster.Select(m => m.Name).Order());
        Assert.Single(roster, m => m.Name == "钱二" && m.UnitName == "第二党支部");
        Assert.Equal(audited + 3, await AuditedMembersAsync(admin));
    }

    [Fact]
    public async Task Import_OneBadRowAmongGood_ImportsNothingAndNamesRowAndColumn()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var bad = Person("李四");
        bad[8] = "2016-13-45";
        var file = Sheet(Person("周五"), Person("吴六"), Person("郑七"), bad, Person("王八"));

        var errors = await RefusedAsync(await ImportAsync(admin, file, unitId));

        var error = Assert.Single(errors);
        Assert.Equal(5, error.Row);
        Assert.Equal("加入党组织日期", error.Column);
        Assert.StartsWith("第5行「加入党组织日期」应为 yyyy-MM-dd", error.Message);
        Assert.Empty(await RosterAsync(unitId));
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheThreeEndpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/members/import\"", document);
        Assert.Contains("multipart/form-data", document);
        Assert.Contains("\"/api/members/export\"", document);
        Assert.Contains("\"/api/members/template\"", document);
    }

    [Fact]
    public async Task Import_SeveralBadCells_ReportsEveryOneInRowAndColumnOrder()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var first = Person("冯九");
        first[1] = "未知";
        first[11] = "12345";
        var second = Person("陈十", unit: "第九党支部");
        second[6] = "积极分子";
        second[19] = "退休";

        var errors = await RefusedAsync(await ImportAsync(admin, Sheet(first, Person("褚十一"), second), unitId));

        Assert.Equal([(2, "性别"), (2, "手机号"), (4, "人员类别"), (4, "所在党支部"), (4, "分层类别")],
            errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Contains("在「测试", errors[3].Message);
        Assert.Contains("社区干部", errors[4].Message);
    }

    [Fact]
    public async Task Import_MoreThanAThousandErrors_ListsAThousandAndCountsTheRest()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var rows = Enumerable.Range(0, 600).Select(i =>
        {
            var row = Person("错" + i);
            row[1] = "?";
            row[11] = "1";
            return row;
        }).ToArray();

        var errors = await RefusedAsync(await ImportAsync(admin, Sheet(rows), unitId));

        Assert.Equal(1001, errors.Count);
        Assert.Equal((501, "手机号"), (errors[999].Row!.Value, errors[999].Column!));
        Assert.Equal(new ErrorRow(null, null, "还有 200 条错误未列出"), errors[^1]);
    }

    [Fact]
    public async Task Import_RepeatedUnitNameWithoutParent_AsksForTheParent()
    {
        var admin = await factory.ClientForAsync("admin");

        var errors = await RefusedAsync(await ImportAsync(admin, Sheet(Person("蒋十二", unit: "第一党支部")), null));

        var error = Assert.Single(errors);
        Assert.Equal("所在党支部", error.Column);
        Assert.Contains("同名组织", error.Message);
        Assert.Contains("/第一党支部", error.Message);
    }

    [Fact]
    public async Task Import_HeadersWithHintsInAnotherOrder_AreMatchedAndNumberedEmptyRowsSkipped()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var person = Person("孔提示");
        var file = new XlsxBuilder()
            .Row("序号", "分层类别", "*姓名", "性 别", "人员类别(正式党员/预备党员)", "所在党支部（党支部或党小组）", "加入党组织日期", "公民身份号码")
            .Row(1d, person[19], person[0], person[1], person[6], person[7], person[8], person[3])
            .Row(2d).Row(3d)
            .Build();

        var response = await ImportAsync(admin, file, unitId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<ImportAnswer>())!.Imported);
        var member = Assert.Single(await RosterAsync(unitId));
        Assert.Equal(("孔提示", person[3]), (member.Name, (object?)member.IdNumber));
    }

    [Fact]
    public async Task Import_FormWithoutFile_Returns400AskingForIt()
    {
        var (admin, unitId) = await NewCommunityAsync();

        using var form = new MultipartFormDataContent { { new StringContent("roster.xlsx"), "name" } };

        var errors = await RefusedAsync(await admin.PostAsync($"/api/members/import?unitId={unitId}", form));

        Assert.StartsWith("没有收到文件", Assert.Single(errors).Message);
        var json = await admin.PostAsJsonAsync($"/api/members/import?unitId={unitId}", new { file = "roster.xlsx" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Import_EnglishCaller_GetsEnglishMessages()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var bad = Person("英文");
        bad[8] = "someday";
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var errors = await RefusedAsync(await ImportAsync(admin, Sheet(bad), unitId));

        Assert.StartsWith("Row 2, “加入党组织日期”: must be a date as yyyy-MM-dd", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Import_EmptyFile_Returns400WithOneChineseError()
    {
        var (admin, unitId) = await NewCommunityAsync();

        var errors = await RefusedAsync(await ImportAsync(admin, [], unitId));

        Assert.Equal("文件是空的，请选择填好的党员名册", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Import_WorkbookWithoutHeaderRow_NamesTheMissingHeaders()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var file = new XlsxBuilder().Row("姓名", "性别", "电话").Row("张三", "男", "13912345678").Build();

        var errors = await RefusedAsync(await ImportAsync(admin, file, unitId));

        var message = Assert.Single(errors).Message;
        Assert.Contains("人员类别、所在党支部、加入党组织日期", message);
        Assert.DoesNotContain("分层类别", message);
        Assert.DoesNotContain("姓名", message);
    }

    [Fact]
    public async Task Import_TextFileNotExcel_Returns400NotXlsx()
    {
        var (admin, unitId) = await NewCommunityAsync();

        var errors = await RefusedAsync(await ImportAsync(admin, "姓名,性别\n张三,男\n"u8.ToArray(), unitId));

        Assert.Contains("不是 Excel 工作簿", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Import_TenMegabytesOfGarbage_Returns400NotXlsx()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var garbage = new byte[10 * 1024 * 1024];
        new Random(2016).NextBytes(garbage);
        // Also garbage behind a zip signature, so that the zip reader itself has to fail.
        var zipLike = "PK\u0003\u0004"u8.ToArray().Concat(garbage.Take(1024 * 1024)).ToArray();

        Assert.Contains("不是 Excel 工作簿", Assert.Single(await RefusedAsync(await ImportAsync(admin, garbage, unitId))).Message);
        Assert.Contains("不是 Excel 工作簿", Assert.Single(await RefusedAsync(await ImportAsync(admin, zipLike, unitId))).Message);
    }

    [Fact]
    public async Task Import_FileOverTheLimit_Returns413WithTheLimit()
    {
        var (admin, unitId) = await NewCommunityAsync();

        var response = await ImportAsync(admin, new byte[21 * 1024 * 1024], unitId);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", (await response.Content.ReadFromJsonAsync<Refusal>())!.Errors.Single().Message);
    }

    [Fact]
    public async Task Import_FormulasAndMergedCells_UseCachedValuesAndTheMergedValue()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var first = Person("沈一");
        first[0] = new Formula("\"沈\"&\"一\"", "沈一");
        first[11] = new Formula("13900000000+1", 13900000001d);
        var second = Person("韩二");
        var third = Person("杨三");
        second[7] = third[7] = null;
        // The title row above the header, merged across, is what many real rosters carry.
        var file = new XlsxBuilder().Row("七里墩街道党员名册").Merge("A1:V1").Row(Headers)
            .Row(first).Row(second).Row(third).Merge("H3:H5").Build();

        var response = await ImportAsync(admin, file, unitId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roster = await RosterAsync(unitId);
        Assert.Equal(3, roster.Count);
        Assert.All(roster, m => Assert.Equal("第一党支部", m.UnitName));
        Assert.Equal("13900000001", roster.Single(m => m.Name == "沈一").Phone);
    }

    [Fact]
    public async Task Import_DatesAsTextAndAsExcelSerials_AreAllRead()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var joined = new DateOnly(2010, 3, 5);
        var serial = joined.ToDateTime(TimeOnly.MinValue).ToOADate();
        object[] forms = ["2010-03-05", "2010/3/5", "2010.3.5", "2010年3月5日", "２０１０-０３-０５", new DateCell(serial), serial];
        var rows = forms.Select((form, i) =>
        {
            var row = Person("日期" + i);
            row[8] = form;
            row[9] = null;
            return row;
        }).ToArray();

        var response = await ImportAsync(admin, Sheet(rows), unitId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roster = await RosterAsync(unitId);
        Assert.Equal(forms.Length, roster.Count);
        Assert.All(roster, m => Assert.Equal(joined, m.JoinedOn));
    }

    [Fact]
    public async Task Import_FullWidthDigitsAndSpaces_AreNormalized()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var row = Person("朱全角");
        var id = (string)row[3]!;
        row[3] = " " + string.Concat(id.Select(c => char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c)) + " ";
        row[11] = "１３９ ００００ ２２２２";
        row[0] = "  朱全角 ";

        var response = await ImportAsync(admin, Sheet(row), unitId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = Assert.Single(await RosterAsync(unitId));
        Assert.Equal(("朱全角", id, "13900002222"), (member.Name, member.IdNumber, member.Phone));
    }

    [Fact]
    public async Task Import_DuplicateIdNumberInFile_NamesBothRows()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var first = Person("秦一");
        var again = Person("尤二");
        again[3] = first[3];
        again[4] = first[4];

        var errors = await RefusedAsync(await ImportAsync(admin, Sheet(first, Person("许三"), again), unitId));

        Assert.Equal([(2, "公民身份号码"), (4, "公民身份号码")], errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Contains("与第4行", errors[0].Message);
        Assert.Contains("与第2行", errors[1].Message);
    }

    [Fact]
    public async Task Import_IdNumberAlreadyOnRoster_RefusesTheWholeFile()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var person = Person("何已有");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, Sheet(person), unitId)).StatusCode);

        var errors = await RefusedAsync(await ImportAsync(admin, Sheet(Person("吕新"), person), unitId));

        var error = Assert.Single(errors);
        Assert.Equal((3, "公民身份号码"), (error.Row!.Value, error.Column!));
        Assert.Contains("已在党员名册中", error.Message);
        Assert.Single(await RosterAsync(unitId));
    }

    [Fact]
    public async Task Import_UnitOfAnotherCommunity_Returns404()
    {
        var sq01 = await factory.ClientForAsync("sq01");
        var other = (await UnitsAsync(await factory.ClientForAsync("sq02"))).Single(u => u.Kind == "Community");

        var response = await ImportAsync(sq01, Sheet(Person("施越界")), other.Id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sq01.GetAsync($"/api/members/export?unitId={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sq01.GetAsync($"/api/members/template?unitId={other.Id}")).StatusCode);
    }

    [Fact]
    public async Task Export_FilteredRosterForBranchSecretary_HasMatchingRowsWithMaskedNumbers()
    {
        var (admin, unitId) = await NewCommunityAsync();
        var retired = Person("张退休");
        retired[19] = "离退休";
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, Sheet(Person("张在职"), retired, Person("李在职")), unitId)).StatusCode);
        var userName = "zb" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/accounts", new { userName, displayName = "支部书记", password = JishiFactory.DemoPassword,
            role = "BranchSecretary", unitId, mustChangePassword = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secretary = await factory.ClientForAsync(userName, JishiFactory.DemoPassword);

        var response = await secretary.GetAsync("/api/members/export?tier=在职");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = await ReadRowsAsync(response);
        Assert.Equal(["张在职", "李在职"], rows.Select(r => r["姓名"]).Order());
        Assert.All(rows, r => Assert.Matches(@"^110101\*{8}\d{3}[\dX]$", r["公民身份号码"]));
        Assert.All(rows, r => Assert.Matches(@"^139\*{4}\d{4}$", r["手机号"]));
        Assert.All(rows, r => Assert.Equal("在职", r["分层类别"]));
        var clear = await ReadRowsAsync(await admin.GetAsync($"/api/members/export?unitId={unitId}&tier=在职"));
        Assert.All(clear, r => Assert.DoesNotContain("*", r["公民身份号码"]));
    }

    [Fact]
    public async Task Template_Download_HasHeaderOnlyAndAnExplanationSheet()
    {
        var (admin, unitId) = await NewCommunityAsync();

        var response = await admin.GetAsync($"/api/members/template?unitId={unitId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([MemberExcelColumns.SheetName, MemberExcelColumns.NotesSheetName], MiniExcel.GetSheetNames(stream));
        var roster = MiniExcel.Query(stream, sheetName: MemberExcelColumns.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Headers, Assert.Single(roster).Values.Select(v => v?.ToString()));
        var notes = MiniExcel.Query(stream, useHeaderRow: true, sheetName: MemberExcelColumns.NotesSheetName)
            .Cast<IDictionary<string, object?>>().Select(r => string.Join("|", r.Values)).ToList();
        Assert.Contains(notes, n => n.StartsWith("分层类别|选填|") && n.Contains("在职、离退休、流动、年老体弱、社区干部"));
        Assert.Contains(notes, n => n.StartsWith("人员类别|必填|") && n.Contains("正式党员、预备党员"));
        Assert.Contains(notes, n => n.EndsWith("|第二党支部"));
    }

    [Fact]
    public async Task Template_ExportedRosterImportedIntoEmptyUnit_GivesTheSameRoster()
    {
        var (admin, source) = await NewCommunityAsync();
        // ID numbers are unique across the roster, so the round trip uses people without one.
        var people = new[] { Person("卫一"), Person("蒋二", unit: "第二党支部"), Person("沈三") };
        foreach (var p in people)
        {
            p[3] = p[4] = null;
        }
        people[1][15] = "是";
        people[1][16] = "2015-03";
        people[2][6] = "预备党员";
        people[2][8] = "2025-10-01";
        people[2][9] = null;
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, Sheet(people), source)).StatusCode);
        var exported = await (await admin.GetAsync($"/api/members/export?unitId={source}")).Content.ReadAsByteArrayAsync();
        var (_, target) = await NewCommunityAsync();

        var response = await ImportAsync(admin, exported, target);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<ImportAnswer>())!.Imported);
        var again = await ReadRowsAsync(await admin.GetAsync($"/api/members/export?unitId={target}"));
        var first = await ReadRowsAsync(exported);
        Assert.Equal(first.Select(r => string.Join("|", r.Values)).Order(), again.Select(r => string.Join("|", r.Values)).Order());
        Assert.Contains(again, r => r["是否为失联党员"] == "是" && r["失去联系日期"] == "2015-03" && r["所在党支部"] == "第二党支部");
    }

    /// <summary>A valid row of the 22 columns; every call gives a new person with their own ID number and phone.</summary>
    private static object?[] Person(string name, string unit = "第一党支部")
    {
        var n = Interlocked.Increment(ref _people);
        var birth = new DateOnly(1950, 1, 1).AddDays(n);
        var body = "110101" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "123";
        var joined = birth.AddYears(25);
        return [name, n % 2 == 0 ? "女" : "男", "汉族", body + MemberRules.CheckCharacter(body), birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "大学本科", "正式党员", unit, joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            joined.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "专业技术人员", "139" + (10_000_000 + n),
            null, "七里墩街道测试路" + n + "号", "正常", "否", null, "否", null, "在职", null, "正常"];
    }

    private static byte[] Sheet(params object?[][] rows)
    {
        var builder = new XlsxBuilder().Row(Headers);
        foreach (var row in rows)
        {
            builder.Row(row);
        }
        return builder.Build();
    }

    /// <summary>A new community under the demo street with two branches, and the admin's client.</summary>
    private async Task<(HttpClient Admin, int UnitId)> NewCommunityAsync()
    {
        var admin = await factory.ClientForAsync("admin");
        var street = (await UnitsAsync(admin)).Single(u => u.Kind == "Street");
        var community = await CreateUnitAsync(admin, street.Id, "Community", "测试" + Guid.NewGuid().ToString("N")[..6] + "社区党委");
        await CreateUnitAsync(admin, community, "Branch", "第一党支部");
        await CreateUnitAsync(admin, community, "Branch", "第二党支部");
        return (admin, community);
    }

    private static async Task<int> CreateUnitAsync(HttpClient client, int parentId, string kind, string name)
    {
        var response = await client.PostAsJsonAsync("/api/units", new { parentId, kind, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UnitRow>())!.Id;
    }

    private static async Task<List<UnitRow>> UnitsAsync(HttpClient client) => (await client.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, int? unitId)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { content, "file", "名册.xlsx" } };
        return await client.PostAsync("/api/members/import" + (unitId is { } id ? $"?unitId={id}" : ""), form);
    }

    private static async Task<List<ErrorRow>> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Refusal>())!.Errors;
    }

    /// <summary>The members of a unit's subtree as stored, with their numbers in clear (lists show them masked).</summary>
    private Task<List<MemberRow>> RosterAsync(int unitId) => factory.WithDbAsync(db =>
    {
        var path = db.Units.Where(u => u.Id == unitId).Select(u => u.Path).Single();
        return db.Members.Where(m => m.Unit!.Path.StartsWith(path))
            .Select(m => new MemberRow(m.Id, m.Name, m.Unit!.Name, m.Phone, m.IdNumber, m.JoinedOn)).ToListAsync();
    });

    private static async Task<int> AuditedMembersAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<Counted>("/api/audit?entity=Member&pageSize=1"))!.Total;

    private static async Task<List<Dictionary<string, string?>>> ReadRowsAsync(HttpResponseMessage response) =>
        await ReadRowsAsync(await response.Content.ReadAsByteArrayAsync());

    private static Task<List<Dictionary<string, string?>>> ReadRowsAsync(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return Task.FromResult(MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(c => c.Key, c => c.Value?.ToString())).ToList());
    }

    private sealed record ImportAnswer(int Imported);

    private sealed record Refusal(string Title, string Detail, List<ErrorRow> Errors);

    private sealed record ErrorRow(int? Row, string? Column, string Message);

    private sealed record UnitRow(int Id, int? ParentId, string Kind, string Name);

    private sealed record Counted(int Total);

    private sealed record MemberRow(int Id, string Name, string UnitName, string? Phone, string? IdNumber, DateOnly? JoinedOn);
}
