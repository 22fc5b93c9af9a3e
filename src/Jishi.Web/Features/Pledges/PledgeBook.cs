using System.Linq.Expressions;
using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Pledges;

public sealed record PledgeItemDto(int Position, string Text, string Target);

public sealed record PledgeDto(int Id, int MemberId, string MemberName, int UnitId, string UnitName, int Year, PledgeStatus Status,
    IReadOnlyList<PledgeItemDto> Items, string CreatedBy, DateTime CreatedAt, DateTime? PublishedAt, string? Outcome, string? ClosedBy,
    DateTime? ClosedAt, string? Grade, string? GradeComment, string? RatedBy, DateTime? RatedAt, long? EntryId, EntryStatus? EntryStatus,
    decimal? EntryPoints);

/// <summary>One line of the public board: the member's name and items only (no ID number, phone or address).</summary>
public sealed record BoardPledge(string MemberName, string UnitName, PledgeStatus Status, IReadOnlyList<PledgeItemDto> Items);

public sealed record PledgeBoard(string UnitName, int Year, IReadOnlyList<BoardPledge> Pledges);

/// <summary>公开承诺: recorded by the branch secretary or above for a member of their subtree, published, closed as kept
/// (践诺, which awards the pledge rule once through <see cref="PointsLedger"/>) or not kept, and rated (评诺).</summary>
public sealed class PledgeBook(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger)
{
    public sealed record ItemInput(string? Text, string? Target);

    public sealed record SaveRequest(int MemberId, int? Year, IReadOnlyList<ItemInput>? Items);

    public sealed record ListRequest(int? UnitId = null, int? Year = null, PledgeStatus? Status = null);

    public sealed record KeepRequest(string? Evidence);

    public sealed record RateRequest(string? Grade, string? Comment);

    public async Task<Result<PledgeDto>> CreateAsync(SaveRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (!await db.Members.Within(scope).AnyAsync(m => m.Id == request.MemberId, ct))
        {
            return Error.NotFound("Entity.Member");
        }
        var year = request.Year ?? Today().Year;
        if (Validate(request.Items, year) is { } invalid)
        {
            return invalid;
        }
        var pledge = new Pledge(request.MemberId, year, Items(request.Items!), By, Now);
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(pledge.Id, ct);
    }

    /// <summary>Replaces the items (and the year) of a draft; a published pledge is what the residents saw and stays.</summary>
    public async Task<Result<PledgeDto>> UpdateAsync(int id, SaveRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } pledge)
        {
            return Error.NotFound("Entity.Pledge");
        }
        if (pledge.WhyNotEditable() is { } why)
        {
            return Error.Conflict(why);
        }
        if (Validate(request.Items, request.Year ?? pledge.Year) is { } invalid)
        {
            return invalid;
        }
        db.RemoveRange(pledge.Items);
        pledge.ReplaceItems(Items(request.Items!));
        await db.SaveChangesAsync(ct);
        return await DtoAsync(id, ct);
    }

    public async Task<Result<IReadOnlyList<PledgeDto>>> ListAsync(ListRequest request, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, request.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var year = request.Year ?? Today().Year;
        var query = db.Pledges.AsNoTracking().Where(p => p.Year == year && db.Members.Within(scope).Any(m => m.Id == p.MemberId));
        if (request.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        return await WithAwardsAsync(await query.OrderBy(p => p.MemberId).ThenBy(p => p.Id).Select(Projection()).ToListAsync(ct), ct);
    }

    public async Task<Result<PledgeDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Entity.Pledge") : await DtoAsync(id, ct);

    public Task<Result<PledgeDto>> PublishAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, p => p.WhyNotPublishable(), p => p.Publish(Now), ct);

    /// <summary>Marks the pledge kept and posts the pledge rule's award with the source key "pledge:{id}": the ledger's unique
    /// key makes it one entry however many 践诺 arrive at once, and a repeated 践诺 re-posts an award that failed before.</summary>
    public async Task<Result<PledgeDto>> KeepAsync(int id, KeepRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.Pledge");
        }
        if (TextProblem("evidence", request.Evidence, "Pledges.EvidenceRequired") is { } invalid)
        {
            return invalid;
        }
        var changed = await TransitionAsync(id, p => p.WhyNotClosable(PledgeStatus.Kept), p => p.Keep(request.Evidence!.Trim(), By, Now), ct);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }
        var pledge = changed.Value!;
        // The award counts toward the pledge's year, dated today or, for a past year, its last day.
        var lastDay = new DateOnly(pledge.Year, 12, 31);
        var on = Today() < lastDay ? Today() : lastDay;
        var award = await ledger.AwardAsync(new PointsLedger.AwardRequest(pledge.MemberId, RuleCodes.PledgeKept, 1, on,
            Note(pledge), Pledge.SourceKeyOf(id), pledge.Outcome), ct);
        return award.IsSuccess ? await DtoAsync(id, ct) : award.Error!;
    }

    public async Task<Result<PledgeDto>> NotKeptAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.Pledge");
        }
        if (TextProblem("reason", request.Reason, "Points.ReasonRequired") is { } invalid)
        {
            return invalid;
        }
        return await ChangeAsync(id, p => p.WhyNotClosable(PledgeStatus.NotKept), p => p.MarkNotKept(request.Reason!.Trim(), By, Now), ct);
    }

    public async Task<Result<PledgeDto>> RateAsync(int id, RateRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.Pledge");
        }
        var grade = request.Grade?.Trim();
        if (grade is null || !Pledge.Grades.Contains(grade))
        {
            return new ValidationError([new("grade", "Pledges.GradeInvalid", string.Join("、", Pledge.Grades))]);
        }
        if (request.Comment?.Trim().Length > Pledge.MaxText)
        {
            return new ValidationError([new("comment", "Text.TooLong", Pledge.MaxText)]);
        }
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        return await ChangeAsync(id, p => p.WhyNotRatable(), p => p.Rate(grade, comment, By, Now), ct);
    }

    /// <summary>The public board of a unit's subtree: published, kept and not-kept pledges with names and items only.
    /// Null when there is no such unit.</summary>
    public async Task<PledgeBoard?> BoardAsync(int unitId, int year, CancellationToken ct)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) is not { } unit)
        {
            return null;
        }
        var rows = await db.Pledges.AsNoTracking()
            .Where(p => p.Year == year && p.Status != PledgeStatus.Draft && db.Members.Within(unit.Path).Any(m => m.Id == p.MemberId))
            .Select(p => new
            {
                Member = db.Members.Where(m => m.Id == p.MemberId).Select(m => new { m.Name, UnitName = m.Unit!.Name, UnitOrder = m.Unit.Path }).First(),
                p.Status,
                Items = p.Items.OrderBy(i => i.Position).Select(i => new PledgeItemDto(i.Position, i.Text, i.Target)).ToList(),
            })
            .ToListAsync(ct);
        return new PledgeBoard(unit.Name, year, rows.OrderBy(r => r.Member.UnitOrder, StringComparer.Ordinal).ThenBy(r => r.Member.Name, StringComparer.Ordinal)
            .Select(r => new BoardPledge(r.Member.Name, r.Member.UnitName, r.Status, r.Items)).ToList());
    }

    public static string Note(Pledge pledge) => $"{pledge.Year}年公开承诺兑现";

    /// <summary>Applies one transition; the status is a concurrency token, so of two requests that both read "published"
    /// only the first changes the row and the other reads it again (and then finds it closed, or kept already).</summary>
    private async Task<Result<Pledge>> TransitionAsync(int id, Func<Pledge, string?> whyNot, Action<Pledge> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await FindAsync(id, ct) is not { } pledge)
            {
                return Error.NotFound("Entity.Pledge");
            }
            if (whyNot(pledge) is { } why)
            {
                return Error.Conflict(why);
            }
            change(pledge);
            try
            {
                await db.SaveChangesAsync(ct);
                return pledge;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<PledgeDto>> ChangeAsync(int id, Func<Pledge, string?> whyNot, Action<Pledge> change, CancellationToken ct)
    {
        var changed = await TransitionAsync(id, whyNot, change, ct);
        return changed.IsSuccess ? await DtoAsync(id, ct) : changed.Error!;
    }

    private async Task<Pledge?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Pledges.Include(p => p.Items)
            .FirstOrDefaultAsync(p => p.Id == id && db.Members.Within(scope).Any(m => m.Id == p.MemberId), ct);
    }

    private async Task<PledgeDto> DtoAsync(int id, CancellationToken ct) =>
        (await WithAwardsAsync([await db.Pledges.AsNoTracking().Where(p => p.Id == id).Select(Projection()).FirstAsync(ct)], ct))[0];

    /// <summary>The pledges with the ledger entry each award made (found by its source key).</summary>
    private async Task<List<PledgeDto>> WithAwardsAsync(List<PledgeDto> pledges, CancellationToken ct)
    {
        var keys = pledges.Where(p => p.Status == PledgeStatus.Kept).Select(p => Pledge.SourceKeyOf(p.Id)).ToList();
        var entries = keys.Count == 0 ? [] : await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, e.Id, e.Status, e.Granted }).ToDictionaryAsync(e => e.SourceKey!, ct);
        return pledges.Select(p => entries.GetValueOrDefault(Pledge.SourceKeyOf(p.Id)) is { } e
            ? p with { EntryId = e.Id, EntryStatus = e.Status, EntryPoints = e.Granted } : p).ToList();
    }

    private Expression<Func<Pledge, PledgeDto>> Projection() => p => new PledgeDto(
        p.Id, p.MemberId, db.Members.Where(m => m.Id == p.MemberId).Select(m => m.Name).First(),
        db.Members.Where(m => m.Id == p.MemberId).Select(m => m.UnitId).First(),
        db.Members.Where(m => m.Id == p.MemberId).Select(m => m.Unit!.Name).First(),
        p.Year, p.Status, p.Items.OrderBy(i => i.Position).Select(i => new PledgeItemDto(i.Position, i.Text, i.Target)).ToList(),
        p.CreatedBy, p.CreatedAt, p.PublishedAt, p.Outcome, p.ClosedBy, p.ClosedAt, p.Grade, p.GradeComment, p.RatedBy, p.RatedAt,
        null, null, null);

    private static ValidationError? Validate(IReadOnlyList<ItemInput>? items, int year)
    {
        var problems = new List<FieldProblem>();
        if (year is < 2000 or > 2100)
        {
            problems.Add(new("year", "Pledges.YearRange"));
        }
        if (items is null || items.Count == 0 || items.Count > Pledge.MaxItems)
        {
            problems.Add(new("items", "Pledges.ItemsCount", Pledge.MaxItems));
        }
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var (text, target) = (items![i].Text?.Trim(), items[i].Target?.Trim());
            if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(target))
            {
                problems.Add(new($"items[{i}]", "Pledges.ItemIncomplete", i + 1));
            }
            else if (text.Length > Pledge.MaxItemText || target.Length > Pledge.MaxTarget)
            {
                problems.Add(new($"items[{i}]", "Text.TooLong", text.Length > Pledge.MaxItemText ? Pledge.MaxItemText : Pledge.MaxTarget));
            }
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    private static IEnumerable<(string, string)> Items(IReadOnlyList<ItemInput> items) => items.Select(i => (i.Text!.Trim(), i.Target!.Trim()));

    private static ValidationError? TextProblem(string field, string? value, string requiredKey) =>
        string.IsNullOrWhiteSpace(value) ? new ValidationError([new(field, requiredKey)])
        : value.Trim().Length > Pledge.MaxText ? new ValidationError([new(field, "Text.TooLong", Pledge.MaxText)])
        : null;

    private string By => user.UserName ?? "system";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
