using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.Extensions.Localization;

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
        var summary = new XlsxSheet(text["Summary.PageTitle"].Value,
        [
            new XlsxColumn(text["Screen.Rank"].Value), new XlsxColumn(unit, 28), new XlsxColumn(name, 10), .. Grades.Names.Select(g => new XlsxColumn(g)),
            new XlsxColumn(rate, 12), new XlsxColumn(text["Summary.BallotScore"].Value), new XlsxColumn(text["Summary.DailyScore"].Value),
            new XlsxColumn(text["Screen.Score"].Value), new XlsxColumn(text["Screen.Band"].Value),
        ]);
        foreach (var r in results)
        {
            summary.Add([r.Rank, subjects[r.SubjectId].UnitName, r.Name, .. Grades.Names.Select(g => (object)r.Counts.GetValueOrDefault(g)),
                r.FavourableRate is { } f ? ReviewScoring.Round(100 * f) : null, ReviewScoring.Round(r.BallotScore),
                r.DailyScore is { } d ? ReviewScoring.Round(d) : null, ReviewScoring.Round(r.CompositeScore), r.Band]);
        }
        var (group, grade, count, note) = (text["Results.Group"].Value, text["Screen.Band"].Value, text["Results.Count"].Value, text["Results.Note"].Value);
        var hidden = text["Results.NotBrokenOut", ReviewScoring.MinBallotsToBreakOut].Value;
        var raw = new XlsxSheet(text["Results.RawSheet"].Value,
            [new XlsxColumn(unit, 28), new XlsxColumn(name, 10), new XlsxColumn(group, 22), new XlsxColumn(grade), new XlsxColumn(count), new XlsxColumn(note, 18)]);
        foreach (var r in RawCounts(results))
        {
            raw.Add(subjects[r.SubjectId].UnitName, subjects[r.SubjectId].Name, r.Group ?? text["Results.Total"].Value, r.Grade, r.Count,
                r.Grade is null ? hidden : null);
        }
        return XlsxWriter.Write(summary, raw);
    }
}
