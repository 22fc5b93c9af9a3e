using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Jishi.Web.Features.Reviews;

/// <summary>The results as an Excel workbook, rounded for display: sheet 1 the 测评汇总表 people would otherwise retype,
/// sheet 2 the raw counts (原始票数) per subject, voter group and grade.</summary>
public sealed class ExportResults(TallyResults tally, IStringLocalizer<SharedResource> text)
{
    /// <summary>One row of the raw-count sheet: <see cref="Group"/> null is the subject's 合计 (all groups);
    /// <see cref="Grade"/> and <see cref="Count"/> null is a group that is not broken out.</summary>
    public sealed record RawCount(int SubjectId, string? Group, string? Grade, int? Count);

    /// <summary>Per subject, per voter group one row for each grade, then the subject's totals per grade. Raw counts
    /// per group tell as much as the group's breakdown, so a group under <see cref="ReviewScoring.MinBallotsToBreakOut"/>
    /// ballots gets one row without numbers here too.</summary>
    public static IEnumerable<RawCount> RawCounts(IEnumerable<SubjectResult> results) => results.SelectMany(r =>
        r.Groups.SelectMany(g => g.Counts is { } counts
                ? Grades.Names.Select(grade => new RawCount(r.SubjectId, g.Name, grade, counts.GetValueOrDefault(grade)))
                : [new RawCount(r.SubjectId, g.Name, null, null)])
            .Concat(Grades.Names.Select(grade => new RawCount(r.SubjectId, null, grade, r.Counts.GetValueOrDefault(grade)))));

    public async Task<Result<byte[]>> HandleAsync(int id, CancellationToken ct)
    {
        if (await tally.ReportAsync(id, ct) is not { } report)
        {
            return Error.NotFound("Entity.Review");
        }
        if (report.Results is not { } results)
        {
            return ReviewErrors.NoResultsYet;
        }
        var subjects = report.Review.Subjects.ToDictionary(s => s.Id);
        var (unit, name, rate) = (text["Summary.Unit"].Value, text["Screen.Subject"].Value, text["Results.FavourableRatePercent"].Value);
        var rows = results.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [text["Screen.Rank"]] = r.Rank,
                [unit] = subjects[r.SubjectId].UnitName,
                [name] = r.Name,
            };
            foreach (var g in Grades.Names)
            {
                row[g] = r.Counts.GetValueOrDefault(g);
            }
            row[rate] = r.FavourableRate is { } f ? ReviewScoring.Round(100 * f) : null;
            row[text["Summary.BallotScore"]] = ReviewScoring.Round(r.BallotScore);
            row[text["Summary.DailyScore"]] = r.DailyScore is { } d ? ReviewScoring.Round(d) : null;
            row[text["Screen.Score"]] = ReviewScoring.Round(r.CompositeScore);
            row[text["Screen.Band"]] = r.Band;
            return row;
        }).ToList();
        var (group, grade, count, note) = (text["Results.Group"].Value, text["Screen.Band"].Value, text["Results.Count"].Value, text["Results.Note"].Value);
        var hidden = text["Results.NotBrokenOut", ReviewScoring.MinBallotsToBreakOut].Value;
        var raw = RawCounts(results).Select(r => new Dictionary<string, object?>
        {
            [unit] = subjects[r.SubjectId].UnitName,
            [name] = subjects[r.SubjectId].Name,
            [group] = r.Group ?? text["Results.Total"].Value,
            [grade] = r.Grade,
            [count] = r.Count,
            [note] = r.Grade is null ? hidden : null,
        }).ToList();
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { [text["Summary.PageTitle"]] = rows, [text["Results.RawSheet"]] = raw };
        // Widths by hand: MiniExcel's automatic widths count a Chinese character as one narrow one.
        await stream.SaveAsAsync(sheets, configuration: new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            TableStyles = TableStyles.None,
            DynamicColumns = [new(unit) { Width = 28 }, new(name) { Width = 10 }, new(group) { Width = 22 }, new(note) { Width = 18 },
                new(rate) { Width = 12 }],
        }, cancellationToken: ct);
        return stream.ToArray();
    }
}
