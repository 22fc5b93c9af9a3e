using Jishi.Web.Data;
using Jishi.Web.Features.Committees;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Duties;

public sealed record DutyItemDto(int Position, string Category, string Content, DutyStatus Status, string? Notes);

public sealed record DutyListSummary(int Id, int UnitId, string UnitName, UnitKind UnitKind, string? SecretaryName, int Year, int Items,
    int Done, bool SecretaryVacant);

public sealed record DutyListDto(int Id, int UnitId, string UnitName, string? SecretaryName, int Year, IReadOnlyList<DutyItemDto> Items,
    string? UpdatedBy, DateTime? UpdatedAt, bool SecretaryVacant);

public sealed record TemplateCopied(int Lists, int ItemsAdded);

/// <summary>责任清单: the street copies a template of duties to every community at once; each secretary (community or branch)
/// keeps the status and notes of their own list through the year.</summary>
public sealed class DutyLists(JishiDbContext db, CurrentUser user, TimeProvider clock, CommitteeSecretaries secretaries)
{
    public sealed record ItemInput(string? Category, string? Content, DutyStatus? Status = null, string? Notes = null);

    public sealed record TemplateRequest(int? Year, IReadOnlyList<ItemInput>? Items);

    public sealed record CreateRequest(int UnitId, int? Year);

    public sealed record SaveRequest(IReadOnlyList<ItemInput>? Items);

    public async Task<Result<IReadOnlyList<DutyListSummary>>> ListAsync(int? unitId, int? year, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, unitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var y = year ?? Today().Year;
        var lists = await (from l in db.DutyLists.AsNoTracking()
                           join u in db.Units.Within(scope) on l.UnitId equals u.Id
                           where l.Year == y
                           orderby u.Kind, u.SortOrder, u.Id
                           select new DutyListSummary(l.Id, u.Id, u.Name, u.Kind, u.SecretaryName, l.Year, l.Items.Count(),
                               l.Items.Count(i => i.Status == DutyStatus.Done), false)).ToListAsync(ct);
        var named = await secretaries.OfUnitsAsync(lists.Select(l => l.UnitId).ToList(), ct);
        return lists.Select(l => named.GetValueOrDefault(l.UnitId) is { } s
            ? l with { SecretaryName = s.Name, SecretaryVacant = s.Vacant }
            : l).ToList();
    }

    public async Task<Result<DutyListDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Duties.Entity") : await DtoAsync(id, ct);

    /// <summary>An empty list for a community or branch of the caller's subtree (a branch's list is kept by its secretary).</summary>
    public async Task<Result<DutyListDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { Kind: UnitKind.Community or UnitKind.Branch } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var year = request.Year ?? Today().Year;
        if (year is < 2000 or > 2100)
        {
            return new ValidationError([new("year", "Duties.YearRange")]);
        }
        if (await db.DutyLists.Where(l => l.UnitId == unit.Id && l.Year == year).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return await DtoAsync(existing, ct);
        }
        var list = new DutyList(unit.Id, year);
        db.DutyLists.Add(list);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(list.Id, ct);
    }

    /// <summary>Copies the street's template into the year's list of every community of the caller's subtree, creating the
    /// lists that do not exist and adding only the items a list lacks, so that copying twice changes nothing.</summary>
    public async Task<Result<TemplateCopied>> CopyTemplateAsync(TemplateRequest request, CancellationToken ct)
    {
        var year = request.Year ?? Today().Year;
        var problems = Validate(request.Items);
        if (year is < 2000 or > 2100)
        {
            problems.Add(new("year", "Duties.YearRange"));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var template = request.Items!.Select(i => (i.Category!.Trim(), i.Content!.Trim())).ToList();
        var scope = await user.ScopePathAsync(ct);
        var communities = await db.Units.Within(scope).Where(u => u.Kind == UnitKind.Community && !u.IsArchived).Select(u => u.Id).ToListAsync(ct);
        var lists = await db.DutyLists.Include(l => l.Items).Where(l => l.Year == year && communities.Contains(l.UnitId)).ToListAsync(ct);
        var added = 0;
        foreach (var unitId in communities)
        {
            if (lists.FirstOrDefault(l => l.UnitId == unitId) is not { } list)
            {
                list = new DutyList(unitId, year);
                db.DutyLists.Add(list);
            }
            added += list.AddMissing(template);
        }
        await db.SaveChangesAsync(ct);
        return new TemplateCopied(communities.Count, added);
    }

    /// <summary>Replaces the items of a list with their status and notes, as the secretary keeps them.</summary>
    public async Task<Result<DutyListDto>> SaveAsync(int id, SaveRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } list)
        {
            return Error.NotFound("Duties.Entity");
        }
        if (Validate(request.Items) is { Count: > 0 } problems)
        {
            return new ValidationError(problems);
        }
        db.RemoveRange(list.Items);
        list.ReplaceItems(request.Items!.Select(i => (i.Category!.Trim(), i.Content!.Trim(), i.Status ?? DutyStatus.NotStarted,
            string.IsNullOrWhiteSpace(i.Notes) ? null : i.Notes.Trim())), user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(id, ct);
    }

    private async Task<DutyList?> FindAsync(int id, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.DutyLists.Include(l => l.Items).FirstOrDefaultAsync(l => l.Id == id && visible.Contains(l.UnitId), ct);
    }

    /// <summary>The list with its 第一责任人: the secretary of the unit's committee (vacant or not), else the name typed for the unit.</summary>
    private async Task<DutyListDto> DtoAsync(int id, CancellationToken ct)
    {
        var list = await (from l in db.DutyLists.AsNoTracking()
                          join u in db.Units on l.UnitId equals u.Id
                          where l.Id == id
                          select new DutyListDto(l.Id, u.Id, u.Name, u.SecretaryName, l.Year,
                              l.Items.OrderBy(i => i.Position).Select(i => new DutyItemDto(i.Position, i.Category, i.Content, i.Status, i.Notes))
                                  .ToList(),
                              l.UpdatedBy, l.UpdatedAt, false)).FirstAsync(ct);
        var secretary = await secretaries.OfUnitAsync(list.UnitId, list.SecretaryName, ct);
        return list with { SecretaryName = secretary.Name, SecretaryVacant = secretary.Vacant };
    }

    private static List<FieldProblem> Validate(IReadOnlyList<ItemInput>? items)
    {
        var problems = new List<FieldProblem>();
        if (items is null || items.Count == 0 || items.Count > DutyList.MaxItems)
        {
            problems.Add(new("items", "Duties.ItemsCount", DutyList.MaxItems));
            return problems;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var (category, content) = (items[i].Category?.Trim(), items[i].Content?.Trim());
            if (string.IsNullOrEmpty(category) || string.IsNullOrEmpty(content))
            {
                problems.Add(new($"items[{i}]", "Duties.ItemIncomplete", i + 1));
            }
            else if (category.Length > DutyItem.MaxCategory || content.Length > DutyItem.MaxContent || items[i].Notes?.Trim().Length > DutyItem.MaxNotes)
            {
                problems.Add(new($"items[{i}]", "Text.TooLong", DutyItem.MaxContent));
            }
        }
        return problems;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
