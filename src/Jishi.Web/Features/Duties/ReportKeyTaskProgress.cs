using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Duties;

/// <summary>A community secretary reports on its own cells — owner, progress, a note and evidence files; the street may report
/// on any cell of its communities and alone moves a cell's deadline.</summary>
public sealed class ReportKeyTaskProgress(JishiDbContext db, CurrentUser user, TimeProvider clock, KeyTaskQueries queries)
{
    /// <summary><paramref name="CompletedOn"/> dates a 100 % report (today when absent); <paramref name="Deadline"/> moves the
    /// cell's deadline and is the street's to change.</summary>
    public sealed record ReportRequest(string? Owner, int? Progress, string? Note, DateOnly? CompletedOn = null, DateOnly? Deadline = null);

    public async Task<Result<KeyTaskCellDetail>> ReportAsync(int cellId, ReportRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var visible = db.Units.Within(scope).Select(u => u.Id);
        if (await db.KeyTaskCells.FirstOrDefaultAsync(c => c.Id == cellId && visible.Contains(c.UnitId), ct) is not { } cell)
        {
            return Error.NotFound("KeyTasks.CellEntity");
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
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
        var (by, at) = (By, Now);
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
        return await queries.CellAsync(cellId, ct);
    }

    public async Task<Result<StoredFileDto>> UploadAsync(int cellId, UploadedFile upload, CancellationToken ct)
    {
        if (!await queries.CellVisibleAsync(cellId, ct))
        {
            return Error.NotFound("KeyTasks.CellEntity");
        }
        var checkedFile = await upload.CheckAsync(FileKinds.Documents, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var (name, type, content) = checkedFile.Value!;
        var file = new KeyTaskEvidence(cellId, name, type, content, By, Now);
        db.KeyTaskEvidence.Add(file);
        await db.SaveChangesAsync(ct);
        return StoredFileDto.Of(file);
    }

    private string By => user.UserName ?? "system";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
