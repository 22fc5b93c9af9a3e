using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Publicity;

/// <summary>The 宣传报道 items staff read within their subtree, each with its weight and the entries its credits posted,
/// and the report's file.</summary>
public sealed class PublicityQueries(JishiDbContext db, CurrentUser user, TimeProvider clock, PublicityWeights weights)
{
    /// <summary>The items of a year (this year by default) of the caller's subtree or of one unit in it, removed ones left
    /// out, newest first.</summary>
    public async Task<Result<IReadOnlyList<PublicityItemDto>>> ListAsync(int? unitId, int? year, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, unitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var (first, last) = YearOf(year ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year);
        var ids = await (from p in db.PublicityItems.AsNoTracking()
                         join u in db.Units.Within(scope) on p.UnitId equals u.Id
                         where p.RemovedAt == null && p.PublishedOn >= first && p.PublishedOn <= last
                         orderby p.PublishedOn descending, p.Id descending
                         select p.Id).ToListAsync(ct);
        return await DtosAsync(ids, ct);
    }

    public async Task<Result<PublicityItemDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Publicity.Entity") : await DtoAsync(id, ct);

    public async Task<Result<FileDownload>> FileAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Error.NotFound("Publicity.Entity");
        }
        return await db.PublicityItems.AsNoTracking().Where(p => p.Id == id && p.FileContent != null)
                .Select(p => new FileDownload(p.FileName!, p.FileType!, p.FileContent!)).FirstOrDefaultAsync(ct) is { } file
            ? file
            : Error.NotFound("Publicity.FileEntity");
    }

    /// <summary>The item with its credits, tracked, when its unit is in the caller's subtree; otherwise null.</summary>
    public async Task<PublicityItem?> FindAsync(int id, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.PublicityItems.Include(p => p.Credits).FirstOrDefaultAsync(p => p.Id == id && visible.Contains(p.UnitId), ct);
    }

    /// <summary>The item <paramref name="id"/> as staff see it, after a change.</summary>
    public async Task<PublicityItemDto> DtoAsync(int id, CancellationToken ct) => (await DtosAsync([id], ct))[0];

    /// <summary>The first and last day of a year, the span a year's counts cover.</summary>
    internal static (DateOnly From, DateOnly To) YearOf(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private async Task<List<PublicityItemDto>> DtosAsync(List<int> ids, CancellationToken ct)
    {
        var rows = await (from p in db.PublicityItems.AsNoTracking()
                          join u in db.Units on p.UnitId equals u.Id
                          where ids.Contains(p.Id)
                          select new
                          {
                              p.Id, p.UnitId, u.Name, p.Title, p.Outlet, p.Level, p.PublishedOn, p.Link, p.FileName, p.CreatedBy, p.CreatedAt,
                              p.RemovedAt, p.RemovedReason,
                              Credits = p.Credits.OrderBy(c => c.Id)
                                  .Select(c => new { c.MemberId, Name = db.Members.Where(m => m.Id == c.MemberId).Select(m => m.Name).First() })
                                  .ToList(),
                          }).ToListAsync(ct);
        var keys = rows.SelectMany(r => r.Credits.Select(c => PublicityItem.SourceKeyOf(r.Id, c.MemberId))).ToList();
        var entries = keys.Count == 0 ? [] : await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, e.Id, e.Status, e.Granted }).ToDictionaryAsync(e => e.SourceKey!, ct);
        return ids.Select(id => rows.First(r => r.Id == id)).Select(r => new PublicityItemDto(r.Id, r.UnitId, r.Name, r.Title, r.Outlet,
            r.Level, weights.Of(r.Level), r.PublishedOn, r.Link, r.FileName,
            r.Credits.Select(c => entries.GetValueOrDefault(PublicityItem.SourceKeyOf(r.Id, c.MemberId)) is { } e
                ? new PublicityCreditDto(c.MemberId, c.Name, e.Id, e.Granted, e.Status)
                : new PublicityCreditDto(c.MemberId, c.Name, null, null, null)).ToList(),
            r.CreatedBy, r.CreatedAt, r.RemovedAt, r.RemovedReason)).ToList();
    }
}
