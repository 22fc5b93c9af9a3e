using System.Globalization;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Reviews;

public sealed record DailyScoresImported(int Updated);

/// <summary>Daily-assessment scores through Excel: a template listing the campaign's subjects with their current scores,
/// and its import, all or nothing, allowed while the results are not published (as the single-score PUT). Rows are
/// matched by 编号 (the subject id), or by 单位 + 姓名 when 编号 is empty; a blank score leaves the subject as it is.</summary>
public sealed class DailyScoreWorkbook(JishiDbContext db, ReviewQueries queries, IStringLocalizer<SharedResource> text)
{
    // Headers are a file format people fill in, so they stay Chinese in every UI language (as the roster's).
    public const string SheetName = "日常考核得分";
    public const string IdHeader = "编号";
    public const string UnitHeader = "单位";
    public const string NameHeader = "姓名";
    public const string ScoreHeader = "日常考核得分";
    private const int MaxRows = 2000;
    private const int MaxColumns = 20;

    private static readonly string[] Headers = [IdHeader, UnitHeader, NameHeader, ScoreHeader];

    public async Task<Result<ExcelFile>> TemplateAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { IsSuccess: true } found)
        {
            return Error.NotFound("Entity.Review");
        }
        var sheet = new XlsxSheet(SheetName,
            [new XlsxColumn(IdHeader, 8), new XlsxColumn(UnitHeader, 28), new XlsxColumn(NameHeader, 10), new XlsxColumn(ScoreHeader, 16)]);
        foreach (var s in found.Value!.Subjects)
        {
            sheet.Add(s.Id, s.UnitName, s.Name, s.DailyScore);
        }
        return new ExcelFile($"review-{id}-daily-scores.xlsx", XlsxWriter.Write(sheet));
    }

    public async Task<Result<DailyScoresImported>> ImportAsync(int id, Stream file, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        if (campaign.WhyNotAssess(ReviewCampaign.DailyScoreAction) is { } refused)
        {
            return refused;
        }
        var opened = await ExcelUpload.OpenAsync(file, text, ct);
        if (opened.Error is { } badFile)
        {
            return badFile;
        }
        await using var content = opened.Value!;
        List<XlsxReader.Row> rows;
        try
        {
            rows = XlsxReader.ReadRows(content, SheetName, MaxRows, MaxColumns).Where(r => !r.IsBlank).ToList();
        }
        catch (InvalidDataException)
        {
            return ImportFailed.OfFile(text, "Import.NotXlsx");
        }
        if (rows.Count == 0)
        {
            return ImportFailed.OfFile(text, "Import.NoData");
        }
        var columns = Headers.ToDictionary(h => h, h => Array.FindIndex(rows[0].Cells, c => ExcelCells.HeaderOf(c) == h));
        if (columns[ScoreHeader] < 0 || (columns[IdHeader] < 0 && (columns[UnitHeader] < 0 || columns[NameHeader] < 0)))
        {
            return ImportFailed.OfFile(text, "DailyImport.HeadersMissing", StatusCodes.Status400BadRequest, string.Join("、", Headers.Select(h => $"「{h}」")));
        }
        var names = (await queries.ToDtoAsync(campaign, ct)).Subjects;
        var problems = new List<ImportProblem>();
        var scores = new Dictionary<int, (int Row, double Score)>();
        foreach (var row in rows.Skip(1))
        {
            string? Cell(string header) => columns[header] >= 0 ? ExcelCells.TextOf(row.Cells[columns[header]]) : null;
            void Problem(string header, string code, params object[] args) =>
                problems.Add(new ImportProblem(row.Number, header, text["Import.CellError", row.Number, header, text.Format(code, args)].Value));

            ReviewSubjectDto? subject;
            var matchedBy = Cell(IdHeader) is null ? NameHeader : IdHeader;
            if (Cell(IdHeader) is { } idText)
            {
                subject = int.TryParse(MemberRules.NormalizeDigits(idText), NumberStyles.None, CultureInfo.InvariantCulture, out var subjectId)
                    ? names.FirstOrDefault(s => s.Id == subjectId) : null;
                if (subject is null)
                {
                    Problem(IdHeader, "DailyImport.UnknownId", idText);
                }
            }
            else
            {
                var (unit, name) = (Cell(UnitHeader), Cell(NameHeader));
                var matches = names.Where(s => s.UnitName == unit && s.Name == name).ToList();
                subject = matches.Count == 1 ? matches[0] : null;
                if (subject is null)
                {
                    Problem(NameHeader, matches.Count == 0 ? "DailyImport.NoMatch" : "DailyImport.Ambiguous", unit ?? "", name ?? "");
                }
            }
            if (Cell(ScoreHeader) is not { } scoreText)
            {
                continue;
            }
            if (!double.TryParse(MemberRules.NormalizeDigits(scoreText), NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                || score is < 0 or > 100 || double.IsNaN(score))
            {
                Problem(ScoreHeader, "DailyImport.ScoreInvalid", scoreText);
            }
            else if (subject is not null && !scores.TryAdd(subject.Id, (row.Number, score)))
            {
                Problem(matchedBy, "DailyImport.Duplicate", scores[subject.Id].Row);
            }
        }
        if (problems.Count > 0)
        {
            return new ImportFailed(problems);
        }
        var entered = scores.Select(p => (campaign.Subjects.First(s => s.Id == p.Key), p.Value.Score)).ToList();
        if (campaign.SetDailyScores(entered) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return new DailyScoresImported(scores.Count);
    }
}
