using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Jishi.Web.Features.Reviews;

/// <summary>The results as an Excel sheet (the 测评汇总表 people would otherwise retype), rounded for display.</summary>
public sealed class ExportResults(TallyResults tally, IStringLocalizer<SharedResource> text)
{
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
        var units = report.Review.Subjects.ToDictionary(s => s.Id, s => s.UnitName);
        var rows = results.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [text["Screen.Rank"]] = r.Rank,
                [text["Summary.Unit"]] = units.GetValueOrDefault(r.SubjectId),
                [text["Screen.Subject"]] = r.Name,
            };
            foreach (var g in Grades.Names)
            {
                row[g] = r.Counts.GetValueOrDefault(g);
            }
            row[text["Summary.BallotScore"]] = ReviewScoring.Round(r.BallotScore);
            row[text["Summary.DailyScore"]] = r.DailyScore is { } d ? ReviewScoring.Round(d) : null;
            row[text["Screen.Score"]] = ReviewScoring.Round(r.CompositeScore);
            row[text["Screen.Band"]] = r.Band;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Summary.PageTitle"], cancellationToken: ct);
        return stream.ToArray();
    }
}
