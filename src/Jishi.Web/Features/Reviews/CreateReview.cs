using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>POST /api/reviews: a campaign in Draft, its subjects being the party secretaries of the given units.</summary>
public sealed class CreateReview(JishiDbContext db, CurrentUser user, ReviewQueries queries)
{
    public sealed record SubjectRequest(int UnitId);

    public sealed record VoterGroupRequest(string Name, double Weight, int HeadCount);

    /// <summary>Optional: the grade values and band thresholds, when they differ from 好 100 / 较好 80 / 一般 60 / 差 40 and
    /// bands at 90 / 80 / 60; the names of the dimensions each subject is rated on, when not one overall grade.</summary>
    public sealed record Request(string Title, int Year, DateOnly MeetingDate, IReadOnlyList<SubjectRequest> Subjects,
        IReadOnlyList<VoterGroupRequest> VoterGroups, double? BallotWeight, ReviewScale? Scale = null, IReadOnlyList<string>? Dimensions = null);

    public async Task<Result<ReviewDto>> HandleAsync(Request r, CancellationToken ct)
    {
        var problems = Validate(r);
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var scope = await user.ScopePathAsync(ct);
        var unitIds = r.Subjects.Select(s => s.UnitId).Distinct().ToList();
        var units = await db.Units.Within(scope).Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        if (units.Count != unitIds.Count)
        {
            return Error.NotFound("Entity.Unit");
        }
        var streetPath = "/" + units[0].Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] + "/";
        var street = await db.Units.Within(scope).FirstOrDefaultAsync(u => u.Path == streetPath && u.Kind == UnitKind.Street, ct);
        if (street is null || units.Any(u => !u.IsWithin(street.Path)))
        {
            return Error.Invalid("Review.SubjectsOneStreet");
        }
        var campaign = new ReviewCampaign(street.Id, r.Title, r.Year, r.MeetingDate, r.BallotWeight ?? 0.4, r.Scale);
        foreach (var id in unitIds)
        {
            var unit = units.First(u => u.Id == id);
            campaign.AddSubject(unit, string.IsNullOrWhiteSpace(unit.SecretaryName) ? unit.Name : unit.SecretaryName);
        }
        foreach (var g in r.VoterGroups)
        {
            campaign.AddVoterGroup(g.Name, g.Weight, g.HeadCount);
        }
        if (campaign.SetDimensions(r.Dimensions ?? []) is { } refused)
        {
            return refused;
        }
        db.ReviewCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return await queries.ToDtoAsync(campaign, ct);
    }

    public sealed record CopyRequest(string Title, int Year, DateOnly MeetingDate);

    /// <summary>Last year's campaign as a start: the same units (with their secretaries of today), voter groups, weights,
    /// scale and dimensions, in Draft, with nothing cast.</summary>
    public async Task<Result<ReviewDto>> CopyAsync(int id, CopyRequest r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } source)
        {
            return Error.NotFound("Entity.Review");
        }
        return await HandleAsync(new Request(r.Title, r.Year, r.MeetingDate,
            source.Subjects.OrderBy(s => s.Id).Select(s => new SubjectRequest(s.UnitId)).ToList(),
            source.VoterGroups.OrderBy(g => g.Id).Select(g => new VoterGroupRequest(g.Name, g.Weight, g.HeadCount)).ToList(),
            source.BallotWeight, source.Scale, source.Dimensions.OrderBy(d => d.Order).Select(d => d.Name).ToList()), ct);
    }

    private static List<FieldProblem> Validate(Request r)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Trim().Length > 200)
        {
            problems.Add(new("title", "Review.TitleInvalid"));
        }
        if (r.Year is < 2000 or > 2100)
        {
            problems.Add(new("year", "Review.YearInvalid"));
        }
        if (r.Subjects is not { Count: > 0 })
        {
            problems.Add(new("subjects", "Review.SubjectsRequired"));
        }
        if (r.VoterGroups is not { Count: > 0 } || r.VoterGroups.Any(g => string.IsNullOrWhiteSpace(g.Name) || g.Weight <= 0 || g.HeadCount < 0))
        {
            problems.Add(new("voterGroups", "Review.VoterGroupsInvalid"));
        }
        if (r.BallotWeight is < 0 or > 1)
        {
            problems.Add(new("ballotWeight", "Review.BallotWeightInvalid"));
        }
        if (r.Scale is { IsValid: false })
        {
            problems.Add(new("scale", "Review.ScaleInvalid"));
        }
        return problems;
    }
}
