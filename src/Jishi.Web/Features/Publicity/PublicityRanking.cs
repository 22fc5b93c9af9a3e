using System.Data;
using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Publicity;

/// <summary>The year's ranking of the communities of the caller's subtree by weighted count of reports
/// (<see cref="PublicityWeights"/>), on screen and as a workbook.</summary>
public sealed class PublicityRanking(JishiDbContext db, CurrentUser user, PublicityWeights weights, IStringLocalizer<SharedResource> text)
{
    /// <summary>The communities of the caller's subtree ranked by weighted count (a branch's reports count for its
    /// community); ties share a rank.</summary>
    public async Task<IReadOnlyList<PublicityRank>> RankingAsync(int year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var communities = await db.Units.AsNoTracking().Within(scope).Where(u => u.Kind == UnitKind.Community && !u.IsArchived)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var (first, last) = PublicityQueries.YearOf(year);
        var items = await (from p in db.PublicityItems.AsNoTracking()
                           join u in db.Units on p.UnitId equals u.Id
                           where p.RemovedAt == null && p.PublishedOn >= first && p.PublishedOn <= last
                           select new { u.Path, p.Level }).ToListAsync(ct);
        var lines = communities.Select(c =>
        {
            var levels = items.Where(i => UnitScope.Sees(c.Path, i.Path)).Select(i => i.Level).ToList();
            int Count(OutletLevel level) => levels.Count(l => l == level);
            return new PublicityRank(0, c.Id, c.Name, Count(OutletLevel.District), Count(OutletLevel.City), Count(OutletLevel.Province),
                Count(OutletLevel.National), levels.Count, levels.Sum(weights.Of));
        }).OrderByDescending(l => l.Weighted).ThenByDescending(l => l.Total).ToList();
        return lines.Select(l => l with { Rank = 1 + lines.Count(o => o.Weighted > l.Weighted) }).ToList();
    }

    public async Task<ExcelFile> RankingWorkbookAsync(int year, CancellationToken ct)
    {
        var table = new DataTable();
        table.Columns.AddRange(new[] { ("Publicity.Rank", typeof(int)), ("Publicity.Community", typeof(string)),
                ("Publicity.Level.District", typeof(int)),
                ("Publicity.Level.City", typeof(int)), ("Publicity.Level.Province", typeof(int)), ("Publicity.Level.National", typeof(int)),
                ("Publicity.Total", typeof(int)), ("Publicity.Weighted", typeof(decimal)) }
            .Select(c => new DataColumn(text[c.Item1].Value, c.Item2)).ToArray());
        foreach (var r in await RankingAsync(year, ct))
        {
            table.Rows.Add(r.Rank, r.UnitName, r.District, r.City, r.Province, r.National, r.Total, r.Weighted);
        }
        return new ExcelFile(text["Publicity.RankingFileName", year].Value,
            XlsxWriter.Write(XlsxSheet.Of(text["Publicity.SheetRanking"].Value, table)));
    }
}
