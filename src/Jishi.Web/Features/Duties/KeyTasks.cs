using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Duties;

public sealed record KeyTaskCellDto(int Id, int KeyTaskId, int UnitId, string UnitName, string? Owner, DateOnly Deadline, int Progress,
    KeyTaskStatus Status, DateOnly? CompletedOn, string? UpdatedBy, DateTime? UpdatedAt, int Files);

public sealed record KeyTaskDto(int Id, int Year, string Title, string? Description, DateOnly Deadline, IReadOnlyList<KeyTaskCellDto> Cells);

/// <summary>A community column of the matrix, with its completion rate (0–1, null without tasks).</summary>
public sealed record KeyTaskCommunity(int Id, string Name, decimal? Rate);

public sealed record KeyTaskMatrix(int Year, IReadOnlyList<KeyTaskCommunity> Communities, IReadOnlyList<KeyTaskDto> Tasks);

public sealed record KeyTaskNoteDto(int Id, int Progress, string Text, string By, DateTime At);

public sealed record KeyTaskCellDetail(KeyTaskCellDto Cell, string Title, IReadOnlyList<KeyTaskNoteDto> Notes, IReadOnlyList<StoredFileDto> Files);

/// <summary>重点任务: the street sets the year's tasks (one cell per community); each community secretary reports progress,
/// notes and evidence on its own cells; the street sees and may correct all of them.</summary>
public sealed class KeyTasks(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record TaskRequest(int? Year, string? Title, string? Description, DateOnly? Deadline, IReadOnlyList<int>? CommunityIds = null);

    /// <summary><paramref name="CompletedOn"/> dates a 100 % report (today when absent); <paramref name="Deadline"/> moves the
    /// cell's deadline and is the street's to change.</summary>
    public sealed record ReportRequest(string? Owner, int? Progress, string? Note, DateOnly? CompletedOn = null, DateOnly? Deadline = null);

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
            tasks.Select(t => Dto(t, cells.Where(c => c.KeyTaskId == t.Id).ToList())).ToList());
    }

    public async Task<Result<KeyTaskDto>> CreateAsync(TaskRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        if (!user.IsInRole(Roles.StreetAdmin) || (await VisibleStreetsAsync(scope, ct)).FirstOrDefault() is not (> 0 and var street))
        {
            return Error.NotFound("Entity.Unit");
        }
        var streetPath = await db.Units.Where(u => u.Id == street).Select(u => u.Path).FirstAsync(ct);
        var communities = db.Units.Within(scope).Within(streetPath).Where(u => u.Kind == UnitKind.Community && !u.IsArchived);
        if (request.CommunityIds is { Count: > 0 } chosen)
        {
            communities = communities.Where(u => chosen.Contains(u.Id));
        }
        var ids = await communities.OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return new ValidationError([new("communityIds", "KeyTasks.NoCommunities")]);
        }
        var order = await db.KeyTasks.Where(t => t.StreetId == street && t.Year == request.Year).CountAsync(ct);
        var task = new KeyTask(street, request.Year!.Value, request.Title!, request.Description, request.Deadline!.Value, order + 1, ids);
        db.KeyTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return await TaskDtoAsync(task.Id, scope, ct);
    }

    /// <summary>Renames a task or moves its deadline; cells still on the old deadline move with it.</summary>
    public async Task<Result<KeyTaskDto>> UpdateAsync(int id, TaskRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (await FindTaskAsync(id, scope, ct) is not { } task)
        {
            return Error.NotFound("KeyTasks.Entity");
        }
        if (Validate(request with { Year = task.Year }) is { } invalid)
        {
            return invalid;
        }
        foreach (var cell in task.Cells.Where(c => c.Deadline == task.Deadline))
        {
            cell.SetDeadline(request.Deadline!.Value);
        }
        task.Change(request.Title!, request.Description, request.Deadline!.Value);
        await db.SaveChangesAsync(ct);
        return await TaskDtoAsync(id, scope, ct);
    }

    public async Task<Result<bool>> DeleteAsync(int id, CancellationToken ct)
    {
        if (await FindTaskAsync(id, await user.ScopePathAsync(ct), ct) is not { } task)
        {
            return Error.NotFound("KeyTasks.Entity");
        }
        db.KeyTasks.Remove(task);
        await db.SaveChangesAsync(ct);
        return true;
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
        return new KeyTaskCellDetail(cell, title, notes, await FilesAsync(cellId, ct));
    }

    public async Task<Result<KeyTaskCellDetail>> ReportAsync(int cellId, ReportRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var visible = db.Units.Within(scope).Select(u => u.Id);
        if (await db.KeyTaskCells.FirstOrDefaultAsync(c => c.Id == cellId && visible.Contains(c.UnitId), ct) is not { } cell)
        {
            return Error.NotFound("KeyTasks.CellEntity");
        }
        var today = Today();
        var problems = new List<FieldProblem>();
        if (request.Progress is not (>= 0 and <= 100))
        {
            problems.Add(new("progress", "KeyTasks.ProgressRange"));
        }
        if (request.Owner?.Trim().Length > KeyTaskCell.MaxOwner)
        {
            problems.Add(new("owner", "Text.TooLong", KeyTaskCell.MaxOwner));
        }
        if (request.Note?.Trim().Length > KeyTask.MaxText)
        {
            problems.Add(new("note", "Text.TooLong", KeyTask.MaxText));
        }
        if (request.CompletedOn > today)
        {
            problems.Add(new("completedOn", "KeyTasks.CompletedInFuture"));
        }
        if (request.Deadline is { } moved && moved != cell.Deadline && !user.IsInRole(Roles.StreetAdmin))
        {
            problems.Add(new("deadline", "KeyTasks.DeadlineStreetOnly"));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var (by, at) = (user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        if (request.Deadline is { } deadline)
        {
            cell.SetDeadline(deadline);
        }
        cell.Report(request.Owner, request.Progress!.Value, request.CompletedOn ?? today, by, at);
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            db.KeyTaskNotes.Add(new KeyTaskNote(cell.Id, cell.Progress, request.Note.Trim(), by, at));
        }
        await db.SaveChangesAsync(ct);
        return await CellAsync(cellId, ct);
    }

    public async Task<Result<StoredFileDto>> UploadAsync(int cellId, UploadedFile upload, CancellationToken ct)
    {
        if (!await CellVisibleAsync(cellId, ct))
        {
            return Error.NotFound("KeyTasks.CellEntity");
        }
        var checkedFile = await upload.CheckAsync(FileKinds.Documents, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var (name, type, content) = checkedFile.Value!;
        var file = new KeyTaskEvidence(cellId, name, type, content, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.KeyTaskEvidence.Add(file);
        await db.SaveChangesAsync(ct);
        return StoredFileDto.Of(file);
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

    private async Task<bool> CellVisibleAsync(int cellId, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.KeyTaskCells.AnyAsync(c => c.Id == cellId && visible.Contains(c.UnitId), ct);
    }

    private Task<List<StoredFileDto>> FilesAsync(int cellId, CancellationToken ct) =>
        db.KeyTaskEvidence.Where(e => e.CellId == cellId).Listed().ToListAsync(ct);

    /// <summary>The street's task, for the street only: a community secretary's scope lies below the street.</summary>
    private async Task<KeyTask?> FindTaskAsync(int id, string scope, CancellationToken ct)
    {
        var streets = db.Units.Within(scope).Where(u => u.Kind == UnitKind.Street).Select(u => u.Id);
        return await db.KeyTasks.Include(t => t.Cells).FirstOrDefaultAsync(t => t.Id == id && streets.Contains(t.StreetId), ct);
    }

    private async Task<Result<KeyTaskDto>> TaskDtoAsync(int id, string scope, CancellationToken ct)
    {
        var task = await db.KeyTasks.AsNoTracking().FirstAsync(t => t.Id == id, ct);
        return Dto(task, await CellsAsync(db.KeyTaskCells.Where(c => c.KeyTaskId == id), scope, ct));
    }

    private async Task<List<KeyTaskCellDto>> CellsAsync(IQueryable<KeyTaskCell> cells, string scope, CancellationToken ct)
    {
        var today = Today();
        var rows = await (from c in cells.AsNoTracking()
                          join u in db.Units.Within(scope) on c.UnitId equals u.Id
                          orderby u.SortOrder, u.Id
                          select new { Cell = c, u.Name, Files = db.KeyTaskEvidence.Count(e => e.CellId == c.Id) }).ToListAsync(ct);
        return rows.Select(r => new KeyTaskCellDto(r.Cell.Id, r.Cell.KeyTaskId, r.Cell.UnitId, r.Name, r.Cell.Owner, r.Cell.Deadline,
            r.Cell.Progress, r.Cell.StatusOn(today), r.Cell.CompletedOn, r.Cell.UpdatedBy, r.Cell.UpdatedAt, r.Files)).ToList();
    }

    private static KeyTaskDto Dto(KeyTask t, IReadOnlyList<KeyTaskCellDto> cells) => new(t.Id, t.Year, t.Title, t.Description, t.Deadline, cells);

    /// <summary>The streets whose key tasks the caller sees: the one above a community or branch, or every street within the
    /// caller's subtree.</summary>
    private async Task<List<int>> VisibleStreetsAsync(string scope, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).Select(u => new { u.Id, u.Path }).ToListAsync(ct))
        .Where(s => UnitScope.Sees(scope, s.Path) || UnitScope.Sees(s.Path, scope)).Select(s => s.Id).ToList();

    private static ValidationError? Validate(TaskRequest request)
    {
        var problems = new List<FieldProblem>();
        if (request.Year is not (>= 2000 and <= 2100))
        {
            problems.Add(new("year", "Duties.YearRange"));
        }
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            problems.Add(new("title", "KeyTasks.TitleRequired"));
        }
        else if (request.Title.Trim().Length > KeyTask.MaxTitle)
        {
            problems.Add(new("title", "Text.TooLong", KeyTask.MaxTitle));
        }
        if (request.Description?.Trim().Length > KeyTask.MaxText)
        {
            problems.Add(new("description", "Text.TooLong", KeyTask.MaxText));
        }
        if (request.Deadline is null)
        {
            problems.Add(new("deadline", "KeyTasks.DeadlineRequired"));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
