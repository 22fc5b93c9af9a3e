using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;

namespace Jishi.Web.Features.Pledges;

/// <summary>The branch's rating of a pledge (评诺): one of <see cref="Pledge.Grades"/> with an optional comment, given or
/// changed at any time after publication.</summary>
public sealed class RatePledge(JishiDbContext db, CurrentUser user, TimeProvider clock, PledgeQueries queries)
{
    public sealed record RateRequest(string? Grade, string? Comment);

    public async Task<Result<PledgeDto>> RateAsync(int id, RateRequest request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is null)
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
        var changed = await db.ApplyAsync("Entity.Pledge", () => queries.FindAsync(id, ct), p => p.WhyNotRatable(),
            p => p.Rate(grade, comment, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime), ct);
        return changed.IsSuccess ? await queries.DtoAsync(id, ct) : changed.Error!;
    }
}
