using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>POST /api/reviews: a campaign in Draft. A subject is given by unit (the subject is that unit's party
/// secretary) or by member (that member, reporting on the unit given with them, or else on the community they belong to).</summary>
public sealed class CreateReview(JishiDbContext db, CurrentUser user, ReviewQueries queries)
{
    public sealed record SubjectRequest(int? UnitId, int? MemberId = null);

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
        var memberIds = r.Subjects.Where(s => s.MemberId is not null).Select(s => s.MemberId!.Value).Distinct().ToList();
        var members = await db.Members.Within(scope).Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Unit!.Path }).ToDictionaryAsync(m => m.Id, ct);
        if (members.Count != memberIds.Count)
        {
            return Error.NotFound("Entity.Member");
        }
        var subjects = r.Subjects.Distinct().Select(s => s.MemberId is { } m
            ? (UnitId: s.UnitId ?? CommunityOf(members[m].Path), Name: members[m].Name)
            : (UnitId: s.UnitId!.Value, Name: (string?)null)).ToList();
        var unitIds = subjects.Select(s => s.UnitId).Distinct().ToList();
        if (unitIds.Count != subjects.Count)
        {
            // One subject per unit: reports, results and 整改 tasks are the unit's.
            return new ValidationError([new FieldProblem("subjects", "Review.SubjectsOneEachUnit")]);
        }
        var units = await db.Units.Within(scope).Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        if (units.Count != unitIds.Count)
        {
            return Error.NotFound("Entity.Unit");
        }
        var streetPath = "/" + units[unitIds[0]].Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] + "/";
        var street = await db.Units.Within(scope).FirstOrDefaultAsync(u => u.Path == streetPath && u.Kind == UnitKind.Street, ct);
        if (street is null || units.Values.Any(u => !u.IsWithin(street.Path)))
        {
            return Error.Invalid("Review.SubjectsOneStreet");
        }
        var campaign = new ReviewCampaign(street.Id, r.Title, r.Year, r.MeetingDate, r.BallotWeight ?? 0.4, r.Scale);
        foreach (var (unitId, name) in subjects)
        {
            var unit = units[unitId];
            campaign.AddSubject(unit, name ?? (string.IsNullOrWhiteSpace(unit.SecretaryName) ? unit.Name : unit.SecretaryName));
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

    public sealed record CopyRequest(string Title, int Year, DateOnly? MeetingDate);

    /// <summary>Last year's campaign as a start: the same units (with their secretaries of today), voter groups, weights,
    /// scale and dimensions, in Draft, with nothing cast, on the meeting date given.</summary>
    public async Task<Result<ReviewDto>> CopyAsync(int id, CopyRequest r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } source)
        {
            return Error.NotFound("Entity.Review");
        }
        if (r.MeetingDate is not { } meetingDate)
        {
            return new ValidationError([ReviewCampaign.MeetingDateRequired]);
        }
        return await HandleAsync(new Request(r.Title, r.Year, meetingDate,
            source.Subjects.OrderBy(s => s.Id).Select(s => new SubjectRequest(s.UnitId)).ToList(),
            source.VoterGroups.OrderBy(g => g.Id).Select(g => new VoterGroupRequest(g.Name, g.Weight, g.HeadCount)).ToList(),
            source.BallotWeight, source.Scale, source.Dimensions.OrderBy(d => d.Order).Select(d => d.Name).ToList()), ct);
    }

    /// <summary>The community a unit path lies in (its second level), or the unit itself above that level.</summary>
    private static int CommunityOf(string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return int.Parse(ids[Math.Min(1, ids.Length - 1)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<FieldProblem> Validate(Request r)
    {
        var problems = new List<FieldProblem>();
        if (ReviewCampaign.TitleProblem(r.Title) is { } title)
        {
            problems.Add(title);
        }
        if (r.Year is < 2000 or > 2100)
        {
            problems.Add(new("year", "Review.YearInvalid"));
        }
        if (r.Subjects is not { Count: > 0 } || r.Subjects.Any(s => s.UnitId is null && s.MemberId is null))
        {
            problems.Add(new("subjects", "Review.SubjectsRequired"));
        }
        if (ReviewCampaign.VoterGroupsProblem(r.VoterGroups?.Select(g => ((string?)g.Name, g.Weight, g.HeadCount)).ToList()) is { } groups)
        {
            problems.Add(groups);
        }
        if (ReviewCampaign.BallotWeightProblem(r.BallotWeight) is { } ballotWeight)
        {
            problems.Add(ballotWeight);
        }
        if (r.Scale is { IsValid: false })
        {
            problems.Add(new("scale", "Review.ScaleInvalid"));
        }
        return problems;
    }
}
