using System.Data;
using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Publicity;

/// <summary>A credited member and the ledger entry the credit posted (none while the award failed, e.g. no rule for the tier).</summary>
public sealed record PublicityCreditDto(int MemberId, string Name, long? EntryId, decimal? Points, EntryStatus? EntryStatus);

public sealed record PublicityItemDto(int Id, int UnitId, string UnitName, string Title, string Outlet, OutletLevel Level, decimal Weight,
    DateOnly PublishedOn, string? Link, string? FileName, IReadOnlyList<PublicityCreditDto> Credits, string CreatedBy, DateTime CreatedAt,
    DateTime? RemovedAt, string? RemovedReason);

/// <summary>One community's line of the ranking: reports per level, their number and their weighted count.</summary>
public sealed record PublicityRank(int Rank, int UnitId, string UnitName, int District, int City, int Province, int National, int Total, decimal Weighted);


/// <summary>宣传报道: items are recorded by the secretary of the unit or the street; crediting members posts each one the
/// level's points rule once (source key publicity:{id}:member:{memberId}), and removing an item reverses those entries.</summary>
public sealed class PublicityBook(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger, PublicityWeights weights,
    IStringLocalizer<SharedResource> text)
{
    public sealed record CreateRequest(int UnitId, string? Title, string? Outlet, OutletLevel? Level, DateOnly? PublishedOn, string? Link,
        IReadOnlyList<int>? MemberIds = null);

    public async Task<Result<IReadOnlyList<PublicityItemDto>>> ListAsync(int? unitId, int? year, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, unitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var (first, last) = YearOf(year ?? Today().Year);
        var ids = await (from p in db.PublicityItems.AsNoTracking()
                         join u in db.Units.Within(scope) on p.UnitId equals u.Id
                         where p.RemovedAt == null && p.PublishedOn >= first && p.PublishedOn <= last
                         orderby p.PublishedOn descending, p.Id descending
                         select p.Id).ToListAsync(ct);
        return await DtosAsync(ids, ct);
    }

    public async Task<Result<PublicityItemDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Publicity.Entity") : (await DtosAsync([id], ct))[0];

    public async Task<Result<PublicityItemDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { Kind: UnitKind.Community or UnitKind.Branch } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var problems = Validate(request);
        var memberIds = (request.MemberIds ?? []).Distinct().ToList();
        var scope = await user.ScopePathAsync(ct);
        if (memberIds.Count > 0 && await db.Members.Within(scope).CountAsync(m => memberIds.Contains(m.Id), ct) != memberIds.Count)
        {
            problems.Add(new("memberIds", "Publicity.MemberUnknown"));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var item = new PublicityItem(unit.Id, request.Title!, request.Outlet!, request.Level!.Value, request.PublishedOn!.Value, request.Link,
            memberIds, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.PublicityItems.Add(item);
        await db.SaveChangesAsync(ct);
        await AwardAsync(item, ct);
        return (await DtosAsync([item.Id], ct))[0];
    }

    /// <summary>Attaches the report itself (a PDF or a picture), replacing an earlier file.</summary>
    public async Task<Result<PublicityItemDto>> AttachAsync(int id, UploadedFile upload, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { IsRemoved: false } item)
        {
            return Error.NotFound("Publicity.Entity");
        }
        var checkedFile = await upload.CheckAsync(FileKinds.Publications, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var (name, type, content) = checkedFile.Value!;
        item.AttachFile(name, type, content);
        await db.SaveChangesAsync(ct);
        return (await DtosAsync([id], ct))[0];
    }

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

    /// <summary>Removes an item from the counts and reverses the points its credits posted (a pending one is rejected).</summary>
    public async Task<Result<PublicityItemDto>> RemoveAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } item)
        {
            return Error.NotFound("Publicity.Entity");
        }
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > 500)
        {
            return new ValidationError([new("reason", "Points.ReasonRequired")]);
        }
        if (item.IsRemoved)
        {
            return Error.Conflict("Publicity.AlreadyRemoved");
        }
        var reason = request.Reason.Trim();
        item.Remove(reason, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var keys = item.Credits.Select(c => PublicityItem.SourceKeyOf(id, c.MemberId)).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!)).Select(e => new { e.Id, e.Status }).ToListAsync(ct);
        foreach (var entry in entries)
        {
            var undone = entry.Status == EntryStatus.Pending
                ? (await ledger.RejectAsync(entry.Id, request with { Reason = reason }, ct)).Error
                : (await ledger.ReverseAsync(entry.Id, request with { Reason = reason }, ct)).Error;
            if (undone is { Code: not ("Points.AlreadyReversed" or "Points.ReverseNotApproved") })
            {
                return undone;
            }
        }
        return (await DtosAsync([id], ct))[0];
    }

    /// <summary>The communities of the caller's subtree ranked by weighted count (a branch's reports count for its
    /// community); ties share a rank.</summary>
    public async Task<IReadOnlyList<PublicityRank>> RankingAsync(int year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var communities = await db.Units.AsNoTracking().Within(scope).Where(u => u.Kind == UnitKind.Community && !u.IsArchived)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var (first, last) = YearOf(year);
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
        table.Columns.AddRange(new[] { ("Publicity.Rank", typeof(int)), ("Publicity.Community", typeof(string)), ("Publicity.Level.District", typeof(int)),
                ("Publicity.Level.City", typeof(int)), ("Publicity.Level.Province", typeof(int)), ("Publicity.Level.National", typeof(int)),
                ("Publicity.Total", typeof(int)), ("Publicity.Weighted", typeof(decimal)) }
            .Select(c => new DataColumn(text[c.Item1].Value, c.Item2)).ToArray());
        foreach (var r in await RankingAsync(year, ct))
        {
            table.Rows.Add(r.Rank, r.UnitName, r.District, r.City, r.Province, r.National, r.Total, r.Weighted);
        }
        return new ExcelFile(text["Publicity.RankingFileName", year].Value, XlsxWriter.Write(XlsxSheet.Of(text["Publicity.SheetRanking"].Value, table)));
    }

    /// <summary>Posts each credited member's award; the source key makes a repeat post nothing.</summary>
    private async Task AwardAsync(PublicityItem item, CancellationToken ct)
    {
        var note = text["Publicity.AwardNote", item.Outlet, item.Title].Value;
        note = note.Length > PointsLedger.MaxNote ? note[..PointsLedger.MaxNote] : note;
        foreach (var credit in item.Credits)
        {
            await ledger.AwardForSourceAsync(new PointsLedger.AwardRequest(credit.MemberId, PublicityWeights.RuleCodeOf(item.Level), 1, item.PublishedOn,
                note, PublicityItem.SourceKeyOf(item.Id, credit.MemberId), item.Link ?? item.Title), ct);
        }
    }

    private async Task<PublicityItem?> FindAsync(int id, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.PublicityItems.Include(p => p.Credits).FirstOrDefaultAsync(p => p.Id == id && visible.Contains(p.UnitId), ct);
    }

    private async Task<List<PublicityItemDto>> DtosAsync(List<int> ids, CancellationToken ct)
    {
        var rows = await (from p in db.PublicityItems.AsNoTracking()
                          join u in db.Units on p.UnitId equals u.Id
                          where ids.Contains(p.Id)
                          select new
                          {
                              p.Id, p.UnitId, u.Name, p.Title, p.Outlet, p.Level, p.PublishedOn, p.Link, p.FileName, p.CreatedBy, p.CreatedAt,
                              p.RemovedAt, p.RemovedReason,
                              Credits = p.Credits.OrderBy(c => c.Id).Select(c => new { c.MemberId, Name = db.Members.Where(m => m.Id == c.MemberId).Select(m => m.Name).First() }).ToList(),
                          }).ToListAsync(ct);
        var keys = rows.SelectMany(r => r.Credits.Select(c => PublicityItem.SourceKeyOf(r.Id, c.MemberId))).ToList();
        var entries = keys.Count == 0 ? [] : await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, e.Id, e.Status, e.Granted }).ToDictionaryAsync(e => e.SourceKey!, ct);
        return ids.Select(id => rows.First(r => r.Id == id)).Select(r => new PublicityItemDto(r.Id, r.UnitId, r.Name, r.Title, r.Outlet, r.Level,
            weights.Of(r.Level), r.PublishedOn, r.Link, r.FileName,
            r.Credits.Select(c => entries.GetValueOrDefault(PublicityItem.SourceKeyOf(r.Id, c.MemberId)) is { } e
                ? new PublicityCreditDto(c.MemberId, c.Name, e.Id, e.Granted, e.Status)
                : new PublicityCreditDto(c.MemberId, c.Name, null, null, null)).ToList(),
            r.CreatedBy, r.CreatedAt, r.RemovedAt, r.RemovedReason)).ToList();
    }

    private List<FieldProblem> Validate(CreateRequest r)
    {
        var problems = new List<FieldProblem>();
        void Required(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(field, "Publicity.Required"));
            }
            else if (value.Trim().Length > max)
            {
                problems.Add(new(field, "Text.TooLong", max));
            }
        }
        Required("title", r.Title, PublicityItem.MaxTitle);
        Required("outlet", r.Outlet, PublicityItem.MaxOutlet);
        if (r.Level is null || !Enum.IsDefined(r.Level.Value))
        {
            problems.Add(new("level", "Publicity.LevelRequired"));
        }
        if (r.PublishedOn is not { } on || on > Today() || on.Year < 2000)
        {
            problems.Add(new("publishedOn", "Publicity.DateRange"));
        }
        if (r.Link?.Trim() is { Length: > 0 } link && (link.Length > PublicityItem.MaxLink
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add(new("link", "Publicity.LinkInvalid"));
        }
        return problems;
    }

    private static (DateOnly From, DateOnly To) YearOf(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
