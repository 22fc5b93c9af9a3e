using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Jishi.Bench;
using Jishi.Web.Features.Members;
using MiniExcelLibs;

// Imports a deterministic 50,000-row roster through POST /api/members/import of a real Jishi server (its own process,
// a fresh SQLite database with the demo street) and prints the wall time of the request and the server's peak memory.
// Usage: dotnet run -c Release --project bench/import -- SERVER_DLL [ROWS]
var serverDll = Path.GetFullPath(args.Length > 0 ? args[0] : "src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll");
var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
const int Branches = 20;
var work = Directory.CreateTempSubdirectory("jishi-bench-");

var watch = Stopwatch.StartNew();
var file = Path.Combine(work.FullName, $"roster-{rows}.xlsx");
await using (var output = File.Create(file))
{
    await MiniExcel.SaveAsAsync(output, Roster(rows), sheetName: MemberExcelColumns.SheetName);
}
Console.WriteLine($"generated {rows} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB in {watch.Elapsed.TotalSeconds:F1} s: {file}");

await using var server = await BenchServer.StartAsync(serverDll);
try
{
    var http = server.Admin;
    var units = await http.GetFromJsonAsync<List<UnitRow>>("/api/units");
    var community = await CreateUnitAsync(http, units!.Single(u => u.Kind == "Street").Id, "Community", "基准测试社区党委");
    for (var b = 1; b <= Branches; b++)
    {
        await CreateUnitAsync(http, community, "Branch", BranchName(b));
    }
    var before = server.Memory();
    var cpuBefore = server.CpuSeconds();
    Console.WriteLine($"server ready (pid {server.Pid}): VmRSS {before.Rss} MB, VmHWM {before.Peak} MB");

    watch.Restart();
    using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(file)), "file", Path.GetFileName(file) } };
    var response = await http.PostAsync($"/api/members/import?unitId={community}", form);
    var seconds = watch.Elapsed.TotalSeconds;
    var body = await response.Content.ReadAsStringAsync();
    var after = server.Memory();
    Console.WriteLine($"import: HTTP {(int)response.StatusCode} {Shorten(body)}");
    Console.WriteLine($"import of {rows} rows: {seconds:F1} s wall, {server.CpuSeconds() - cpuBefore:F1} s server CPU; "
        + $"server VmHWM (peak RSS) {after.Peak} MB, VmRSS after {after.Rss} MB; load average {BenchServer.LoadAverage()}");

    var audit = await http.GetFromJsonAsync<Counted>("/api/audit?entity=Member&pageSize=1");
    Console.WriteLine($"audit entries for members: {audit!.Total} (the demo's plus one per imported member)");

    watch.Restart();
    var exported = await http.GetByteArrayAsync($"/api/members/export?unitId={community}");
    Console.WriteLine($"export of the same {rows} rows: {watch.Elapsed.TotalSeconds:F1} s, {exported.Length / 1024.0 / 1024.0:F1} MB; server VmHWM {server.Memory().Peak} MB");
    return response.IsSuccessStatusCode ? 0 : 1;
}
finally
{
    work.Delete(recursive: true);
}

static IEnumerable<Dictionary<string, object?>> Roster(int count)
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

static string BranchName(int n) => $"第{n}党支部";

static async Task<int> CreateUnitAsync(HttpClient http, int parentId, string kind, string name) =>
    (await (await http.PostAsJsonAsync("/api/units", new { parentId, kind, name })).EnsureSuccessStatusCode()
        .Content.ReadFromJsonAsync<UnitRow>())!.Id;

static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

internal sealed record Counted(int Total);
