using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Duties;

/// <summary>The street sets the year's key tasks: a new task gets one cell per community of the street (or per chosen
/// community); a task is renamed or its deadline moved, or it is removed with its cells.</summary>
public sealed class SaveKeyTask(JishiDbContext db, CurrentUser user, KeyTaskQueries queries)
{
    public sealed record TaskRequest(int? Year, string? Title, string? Description, DateOnly? Deadline,
        IReadOnlyList<int>? CommunityIds = null);

    public async Task<Result<KeyTaskDto>> CreateAsync(TaskRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        if (!user.IsInRole(Roles.StreetAdmin)
            || (await queries.VisibleStreetsAsync(scope, ct)).FirstOrDefault() is not (> 0 and var street))
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
        return await queries.TaskAsync(task.Id, scope, ct);
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
        return await queries.TaskAsync(id, scope, ct);
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

    /// <summary>The street's task, for the street only: a community secretary's scope lies below the street.</summary>
    private async Task<KeyTask?> FindTaskAsync(int id, string scope, CancellationToken ct)
    {
        var streets = db.Units.Within(scope).Where(u => u.Kind == UnitKind.Street).Select(u => u.Id);
        return await db.KeyTasks.Include(t => t.Cells).FirstOrDefaultAsync(t => t.Id == id && streets.Contains(t.StreetId), ct);
    }

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
}
