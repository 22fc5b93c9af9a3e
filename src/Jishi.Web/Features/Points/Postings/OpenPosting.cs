using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points.Postings;

/// <summary>Opens a unit's quarter of the caller's subtree to objection for a window of days; a quarter is posted once.</summary>
public sealed class OpenPosting(JishiDbContext db, CurrentUser user, TimeProvider clock, PostingQueries queries)
{
    /// <summary><paramref name="OpensOn"/> defaults to today; an earlier date records a 公示 already posted on
    /// paper.</summary>
    public sealed record Request(int UnitId, int? Year, int? Quarter, int? Days, DateOnly? OpensOn = null);

    public async Task<Result<PostingSummary>> HandleAsync(Request request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var (year, days, opensOn) = (request.Year ?? today.Year, request.Days ?? Posting.DefaultDays,
            request.OpensOn ?? today);
        if (Posting.ProblemsOf(year, request.Quarter, days, opensOn, today) is { Count: > 0 } problems)
        {
            return new ValidationError(problems);
        }
        if (await db.Postings.AnyAsync(p => p.UnitId == request.UnitId && p.Year == year && p.Quarter == request.Quarter, ct))
        {
            return Error.Conflict("Postings.AlreadyPosted", year, request.Quarter!.Value);
        }
        var posting = new Posting(request.UnitId, year, request.Quarter!.Value, opensOn, days,
            user.UserName ?? "system",
            clock.GetUtcNow().UtcDateTime);
        db.Postings.Add(posting);
        await db.SaveChangesAsync(ct);
        return (await queries.SummaryAsync(posting.Id, ct))!;
    }
}
