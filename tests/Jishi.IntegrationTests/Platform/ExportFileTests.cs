using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jishi.IntegrationTests.Authorization;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Platform;

/// <summary>Every .xlsx Jishi hands out is a file other systems read: the Open XML SDK's validator finds no error in it,
/// and Python's openpyxl (what pandas reads .xlsx with) opens it. The exports are found in the route table, so a new one
/// fails here until it is listed with the address to fetch it by.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ExportFileTests(JishiFactory factory)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task EveryExport_DemoData_PassesOpenXmlValidatorAndOpensInOpenpyxl()
    {
        var admin = await factory.ClientForAsync("admin");
        var reviews = await admin.GetFromJsonAsync<List<ReviewRow>>("/api/reviews");
        var published = reviews!.First(r => r.Status == "Published").Id;
        var shop = (await admin.GetFromJsonAsync<List<ShopRow>>("/api/shops"))!.First().Id;
        var branch = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!.First(u => u.Kind == "Branch").Id;
        var addresses = new Dictionary<string, string>
        {
            ["/api/reviews/{id:int}/daily-scores/template"] = $"/api/reviews/{published}/daily-scores/template",
            ["/api/reviews/{id:int}/results.xlsx"] = $"/api/reviews/{published}/results.xlsx",
            ["/api/publicity/ranking.xlsx"] = "/api/publicity/ranking.xlsx?year=2016",
            ["/api/points/year-end.xlsx"] = "/api/points/year-end.xlsx?year=2016",
            ["/api/shops/{shopId:int}/report.xlsx"] = $"/api/shops/{shop}/report.xlsx?year=2016&month=12",
            ["/api/dashboard/export.xlsx"] = "/api/dashboard/export.xlsx?year=2016",
            ["/api/members/export"] = "/api/members/export",
            ["/api/members/template"] = "/api/members/template",
            ["/api/audit/export"] = "/api/audit/export",
            ["/api/meetings/attendance-template"] = $"/api/meetings/attendance-template?unitId={branch}",
            ["/api/units/export"] = "/api/units/export",
            ["/api/units/template"] = "/api/units/template",
        };
        var exports = ApiEndpoint.All(factory.Services)
            .Where(e => e.Method == "GET" && ExportPattern().IsMatch(e.Pattern)).Select(e => e.Pattern).ToList();
        Assert.Empty(exports.Except(addresses.Keys));

        var problems = new List<string>();
        foreach (var (pattern, address) in addresses)
        {
            Assert.Contains(pattern, exports);
            var response = await admin.GetAsync(address);
            Assert.True(response.IsSuccessStatusCode, $"{address}: {(int)response.StatusCode}");
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            problems.AddRange(ValidatorErrors(bytes).Select(e => $"{address}: {e}"));
            if (await OpenpyxlAsync(bytes) is { } refusal)
            {
                problems.Add($"{address}: openpyxl: {refusal}");
            }
        }
        Assert.Empty(problems);
    }

    private static IEnumerable<string> ValidatorErrors(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        return new OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>Null when openpyxl loads every sheet; else what it said. Debian's python3-openpyxl is installed by the
    /// test command; without it the test fails rather than pass unread.</summary>
    private static async Task<string?> OpenpyxlAsync(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"jishi-export-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var start = new ProcessStartInfo(Python)
            {
                ArgumentList = { "-c", "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(sum(ws.max_row for ws in wb.worksheets))", file },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? null : (await error).Trim() + (await output).Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record ReviewRow(int Id, string Status);

    private sealed record ShopRow(int Id);

    private sealed record UnitRow(int Id, string Kind);

    [GeneratedRegex(@"export|template|\.xlsx", RegexOptions.IgnoreCase)]
    private static partial Regex ExportPattern();
}
