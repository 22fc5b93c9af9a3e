using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Duties;

/// <summary>重点任务 as staff read them within their subtree: the year's matrix of tasks by community, one cell with its notes
/// and evidence, and the checks the other use cases of key tasks share (which streets and cells the caller sees).</summary>
public sealed class KeyTaskQueries(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<KeyTaskMatrix> MatrixAsync(int? year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var streets = await VisibleStreetsAsync(scope, ct);
        // Without a year: the latest year that has key tasks (the demo's 2016), or this year when there are none.
        var y = year ?? await db.KeyTasks.Where(t => streets.Contains(t.StreetId)).MaxAsync(t => (int?)t.Year, ct) ?? Today().Year;
        var communities = await db.Units.AsNoTracking().Within(scope).Where(u => u.Kind == UnitKind.Community && !u.IsArchived)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var tasks = await db.KeyTasks.AsNoTracking().Where(t => t.Year == y && streets.Contains(t.StreetId))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var cells = await CellsAsync(db.KeyTaskCells.Where(c => taskIds.Contains(c.KeyTaskId)), scope, ct);
        return new KeyTaskMatrix(y,
            communities.Select(c => new KeyTaskCommunity(c.Id, c.Name,
                KeyTaskRules.Rate(cells.Where(x => x.UnitId == c.Id).Select(x => (x.CompletedOn, x.Deadline))))).ToList(),
            tasks.Select(t => t.AsDto(cells.Where(c => c.KeyTaskId == t.Id).ToList())).ToList());
    }

    public async Task<Result<KeyTaskCellDetail>> CellAsync(int cellId, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if ((await CellsAsync(db.KeyTaskCells.Where(c => c.Id == cellId), scope, ct)).FirstOrDefault() is not { } cell)
        {
            return Error.NotFound("KeyTasks.CellEntity");
        }
        var title = await db.KeyTasks.Where(t => t.Id == cell.KeyTaskId).Select(t => t.Title).FirstAsync(ct);
        var notes = await db.KeyTaskNotes.AsNoTracking().Where(n => n.CellId == cellId).OrderBy(n => n.Id)
            .Select(n => new KeyTaskNoteDto(n.Id, n.Progress, n.Text, n.By, n.At)).ToListAsync(ct);
        var files = await db.KeyTaskEvidence.Where(e => e.CellId == cellId).Listed().ToListAsync(ct);
        return new KeyTaskCellDetail(cell, title, notes, files);
    }

    public async Task<Result<FileDownload>> DownloadAsync(int cellId, int evidenceId, CancellationToken ct)
    {
        if (!await CellVisibleAsync(cellId, ct))
        {
            return Error.NotFound("KeyTasks.CellEntity");
        }
        return await db.KeyTaskEvidence.Where(e => e.CellId == cellId).DownloadAsync(evidenceId, ct) is { } download
            ? download
            : Error.NotFound("Rectification.Evidence.Entity");
    }

    /// <summary>The task <paramref name="id"/> with its cells within <paramref name="scope"/>, after a change.</summary>
    public async Task<KeyTaskDto> TaskAsync(int id, string scope, CancellationToken ct)
    {
        var task = await db.KeyTasks.AsNoTracking().FirstAsync(t => t.Id == id, ct);
        return task.AsDto(await CellsAsync(db.KeyTaskCells.Where(c => c.KeyTaskId == id), scope, ct));
    }

    /// <summary>The streets whose key tasks the caller sees: the one above a community or branch, or every street within the
    /// caller's subtree.</summary>
    public async Task<List<int>> VisibleStreetsAsync(string scope, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).Select(u => new { u.Id, u.Path })
            .ToListAsync(ct))
        .Where(s => UnitScope.Sees(scope, s.Path) || UnitScope.Sees(s.Path, scope)).Select(s => s.Id).ToList();

    /// <summary>Whether the cell <paramref name="cellId"/> is of a community within the caller's subtree.</summary>
    public async Task<bool> CellVisibleAsync(int cellId, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.KeyTaskCells.AnyAsync(c => c.Id == cellId && visible.Contains(c.UnitId), ct);
    }

    private async Task<List<KeyTaskCellDto>> CellsAsync(IQueryable<KeyTaskCell> cells, string scope, CancellationToken ct)
    {
        var today = Today();
        var rows = await (from c in cells.AsNoTracking()
                          join u in db.Units.Within(scope) on c.UnitId equals u.Id
                          orderby u.SortOrder, u.Id
                          select new { Cell = c, u.Name, Files = db.KeyTaskEvidence.Count(e => e.CellId == c.Id) }).ToListAsync(ct);
        return rows.Select(r => r.Cell.AsDto(r.Name, r.Files, today)).ToList();
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
