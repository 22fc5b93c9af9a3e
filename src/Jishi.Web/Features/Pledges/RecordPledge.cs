using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Pledges;

/// <summary>A member's pledge recorded as a draft by the branch secretary or above, for a member of their subtree, and its
/// items replaced while it is a draft.</summary>
public sealed class RecordPledge(JishiDbContext db, CurrentUser user, TimeProvider clock, PledgeQueries queries)
{
    public sealed record ItemInput(string? Text, string? Target);

    public sealed record SaveRequest(int MemberId, int? Year, IReadOnlyList<ItemInput>? Items);

    public async Task<Result<PledgeDto>> CreateAsync(SaveRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (!await db.Members.Within(scope).AnyAsync(m => m.Id == request.MemberId, ct))
        {
            return Error.NotFound("Entity.Member");
        }
        var year = request.Year ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year;
        if (Validate(request.Items, year) is { } invalid)
        {
            return invalid;
        }
        var pledge = new Pledge(request.MemberId, year, Items(request.Items!), user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync(ct);
        return await queries.DtoAsync(pledge.Id, ct);
    }

    /// <summary>Replaces the items (and the year) of a draft; a published pledge is what the residents saw and stays.</summary>
    public async Task<Result<PledgeDto>> UpdateAsync(int id, SaveRequest request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } pledge)
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
        return await queries.DtoAsync(id, ct);
    }

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

    private static IEnumerable<(string, string)> Items(IReadOnlyList<ItemInput> items) =>
        items.Select(i => (i.Text!.Trim(), i.Target!.Trim()));
}
