using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Jishi.Web.Features.Members;
using MiniExcelLibs;

namespace Jishi.Bench;

/// <summary>A deterministic roster of <c>--rows</c> rows (50,000 by default; the template's 21 columns, 20 branches) imported
/// in one request, <c>POST /api/members/import?unitId=</c>, into a new community of the demo street. The load is that one
/// request (one client, no warm-up); the throughput counts rows. Afterwards the community must hold every row.</summary>
public sealed class ImportScenario : Scenario
{
    private const int Branches = 20;
    private HttpClient _http = null!;
    private string _file = null!;
    private int _community;
    private int _rows;

    public override bool Writes => true;
    public override string Unit => "rows";

    public override double UnitsPerRequest(HarnessOptions options) => options.Rows;

    public override LoadOptions Load(HarnessOptions options) => new(1, TimeSpan.Zero, TimeSpan.FromHours(1), MaxRequests: 1);

    public override async Task PrepareAsync(Run run)
    {
        _http = run.Server.Admin;
        _rows = run.Options.Rows;
        var watch = Stopwatch.StartNew();
        _file = Path.Combine(run.Server.WorkFolder, $"roster-{_rows}.xlsx");
        await using (var output = File.Create(_file))
        {
            await MiniExcel.SaveAsAsync(output, Roster(_rows), sheetName: MemberExcelColumns.SheetName);
        }
        Console.WriteLine($"generated {_rows:N0} rows, {new FileInfo(_file).Length / 1024.0 / 1024.0:F1} MB in {watch.Elapsed.TotalSeconds:F1} s");
        var units = await _http.GetFromJsonAsync<List<UnitRow>>("/api/units");
        _community = await CreateUnitAsync(_http, units!.Single(u => u.Kind == "Street").Id, "Community", "基准测试社区党委");
        for (var b = 1; b <= Branches; b++)
        {
            await CreateUnitAsync(_http, _community, "Branch", BranchName(b));
        }
    }

    public override async Task<bool?> RequestAsync(Random random)
    {
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(_file)), "file", Path.GetFileName(_file) } };
        using var response = await _http.PostAsync($"/api/members/import?unitId={_community}", form);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"import: HTTP {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        }
        return response.IsSuccessStatusCode;
    }

    public override async Task CheckAsync(Run run)
    {
        var page = await _http.GetFromJsonAsync<Counted>($"/api/members?unitId={_community}&pageSize=1");
        run.Check(page!.Total == _rows, $"community holds {page.Total:N0} of {_rows:N0} rows");
        var watch = Stopwatch.StartNew();
        var exported = await _http.GetByteArrayAsync($"/api/members/export?unitId={_community}");
        run.Notes.Add($"export of the same rows {watch.Elapsed.TotalSeconds:F1} s ({exported.Length / 1024.0 / 1024.0:F1} MB)");
    }

    private static IEnumerable<Dictionary<string, object?>> Roster(int count)
    {
        var random = new Random(50_000);
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "建国", "秀兰", "志华", "玉梅", "海燕", "立新"];
        string[] tiers = ["在职", "在职", "离退休", "流动", "年老体弱", "社区干部"];
        var ids = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 45));
            string id;
            do
            {
                var body = "620103" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(100, 1000);
                id = body + MemberRules.CheckCharacter(body);
            }
            while (!ids.Add(id));
            var joined = birth.AddYears(19 + random.Next(20)).AddDays(random.Next(365));
            var tier = tiers[random.Next(tiers.Length)];
            var values = new object?[]
            {
                surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)], random.Next(2) == 0 ? "男" : "女", "汉族", id,
                birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "大学本科", "正式党员", BranchName(1 + random.Next(Branches)),
                joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), joined.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "专业技术人员", "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                "七里墩街道基准路" + random.Next(1, 200) + "号", "正常", "否", null, tier == "流动" ? "是" : "否",
                tier == "流动" ? "甘肃省兰州市城关区" : null, tier, null, "正常",
            };
            yield return MemberExcelColumns.All.Select((c, k) => (c.Header, values[k])).ToDictionary(p => p.Header, p => p.Item2);
        }
    }

    private static string BranchName(int n) => $"第{n}党支部";

    private static async Task<int> CreateUnitAsync(HttpClient http, int parentId, string kind, string name) =>
        (await (await http.PostAsJsonAsync("/api/units", new { parentId, kind, name })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<UnitRow>())!.Id;

    private sealed record Counted(int Total);
}
