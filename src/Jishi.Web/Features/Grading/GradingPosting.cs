using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The public side of a posted round: the 公示 itself and objections raised against a branch's grade while it runs,
/// by anyone with a name and a phone the street can answer (an account's user name is kept when the caller is signed in).</summary>
public sealed class GradingPosting(JishiDbContext db, CurrentUser user, TimeProvider clock, GradingResults results)
{
    /// <param name="Once">The form's one-time token (<see cref="FormOnce"/>): a resubmission stores no second objection.</param>
    public sealed record ObjectionRequest(int GradingId, string? Name, string? Phone, string? Text, string? Once = null);

    public async Task<PostingDto?> GetAsync(int roundId, CancellationToken ct)
    {
        var round = await db.GradingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is not { IsPublished: true })
        {
            return null;
        }
        var street = await db.Units.Where(u => u.Id == round.StreetId).Select(u => u.Name).SingleAsync(ct);
        var grades = await results.ForRoundAsync(round, ct);
        return new PostingDto(round.Id, round.Year, street, round.Status, round.PostedOn!.Value, round.PostingEndsOn!.Value, round.TakesObjections(clock.Today()),
            grades.Select(g => new PostingLine(g.GradingId, g.UnitName, g.CommunityName, g.Total, g.Stars, g.Category, g.Rectify)).ToList());
    }

    public async Task<Result<int>> ObjectAsync(int roundId, ObjectionRequest request, CancellationToken ct)
    {
        var round = await db.GradingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var grading = await db.BranchGradings.AsNoTracking().AnyAsync(g => g.Id == request.GradingId && g.RoundId == roundId, ct);
        if (round is not { IsPublished: true } || !grading)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (!round.TakesObjections(clock.Today()))
        {
            return Error.Conflict("Grading.PostingClosed");
        }
        var problems = new List<FieldProblem>();
        var name = request.Name?.Trim() ?? "";
        var phone = request.Phone?.Trim() ?? "";
        var text = request.Text?.Trim() ?? "";
        if (name.Length is 0 or > GradingObjection.MaxName)
        {
            problems.Add(new("name", "Grading.NameRequired", GradingObjection.MaxName));
        }
        if (phone.Length is < 7 or > GradingObjection.MaxPhone || !phone.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            problems.Add(new("phone", "Grading.PhoneRequired"));
        }
        if (text.Length is 0 or > GradingObjection.MaxText)
        {
            problems.Add(new("text", "Grading.ObjectionRequired", GradingObjection.MaxText));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var once = FormOnce.Of(request.Once);
        return await FormOnce.SaveAsync<int>(db, once, async token =>
            await db.GradingObjections.AsNoTracking().Where(o => o.SubmissionToken == token).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct) is { } earlier
                ? earlier : null, async () =>
        {
            var objection = new GradingObjection(request.GradingId, name, phone, text, user.UserName, clock.GetUtcNow().UtcDateTime, once);
            db.GradingObjections.Add(objection);
            await db.SaveChangesAsync(ct);
            return objection.Id;
        });
    }
}
