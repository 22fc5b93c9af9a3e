using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>The street's work on its rules: list the versions, draft the next one as a copy, change the draft, preview
/// how a past year's scores would come out under it, and adopt it. Adopting never touches recorded entries.</summary>
public sealed class RuleSetAdmin(JishiDbContext db, CurrentUser user, RuleSetLookup rules)
{
    public sealed record RuleSetDto(int Id, string Tier, int Year, int Version, RuleSetStatus Status, decimal BaseScore, string StarThresholds,
        IReadOnlyList<RuleDto> Rules, bool CommunityReview);

    public sealed record DraftRequest(string? Tier, int? Year);

    /// <summary><paramref name="CommunityReview"/> left out keeps the draft's setting.</summary>
    public sealed record ReviseRequest(decimal? BaseScore, string? StarThresholds, IReadOnlyList<RuleDto>? Rules, bool? CommunityReview = null);

    public sealed record PreviewRow(int MemberId, string Name, decimal CurrentScore, int CurrentStars, decimal PreviewScore, int PreviewStars);

    public sealed record Preview(int RuleSetId, int Year, int Members, int StarsUp, int StarsDown, IReadOnlyList<PreviewRow> Rows);

    public async Task<IReadOnlyList<RuleSetDto>> ListAsync(int? year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var sets = await db.RuleSets.AsNoTracking().Include(s => s.Rules).AsSplitQuery()
            .Where(s => (year == null || s.Year == year) && ("/" + s.StreetId + "/").StartsWith(scope))
            .OrderByDescending(s => s.Year).ThenBy(s => s.Tier).ThenByDescending(s => s.Version).ToListAsync(ct);
        return sets.Select(ToDto).ToList();
    }

    /// <summary>A draft of the next version of the caller's street for a tier and year: a copy of the current version
    /// (or of the defaults when there is none); one draft at a time.</summary>
    public async Task<Result<RuleSetDto>> DraftAsync(DraftRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (scope is "-" or "/" || request.Tier?.Trim() is not { Length: > 0 } tier || request.Year is not { } year
            || !await db.MemberTiers.AnyAsync(t => t.Name == tier, ct))
        {
            return new ValidationError([new("tier", "Points.UnknownTier", request.Tier ?? "")]);
        }
        var street = Unit.StreetOf(scope);
        var versions = db.RuleSets.Where(s => s.StreetId == street && s.Tier == tier && s.Year == year);
        if (await versions.AnyAsync(s => s.Status == RuleSetStatus.Draft, ct))
        {
            return Error.Conflict("Points.DraftExists", tier, year);
        }
        var current = await rules.FindCurrentAsync(street, tier, year, ct);
        var draft = current is null ? RuleSet.DefaultDraft(street, tier, year)
            : current.NewDraft(await versions.MaxAsync(s => s.Version, ct) + 1);
        db.RuleSets.Add(draft);
        await db.SaveChangesAsync(ct);
        return ToDto(draft);
    }

    public async Task<Result<RuleSetDto>> ReviseAsync(int id, ReviseRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } set)
        {
            return Error.NotFound("Entity.RuleSet");
        }
        if (set.Status != RuleSetStatus.Draft)
        {
            return Error.Conflict("Points.NotDraft");
        }
        var problems = new List<FieldProblem>();
        var stars = StarScale.TryParse(request.StarThresholds);
        if (stars is null)
        {
            problems.Add(new("starThresholds", "Points.StarsInvalid"));
        }
        if (request.BaseScore is not (>= 0 and <= 100))
        {
            problems.Add(new("baseScore", "Points.BaseScoreRange"));
        }
        var items = WithCodes(request.Rules ?? []);
        problems.AddRange(items.SelectMany(RuleProblems));
        foreach (var duplicate in items.GroupBy(r => r.Code?.Trim()).Where(g => g.Count() > 1))
        {
            problems.Add(new("rules", "Points.RuleCodeTwice", duplicate.Key ?? ""));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        set.Revise(request.BaseScore!.Value, stars!, items.Select(r => new PointRule(r.Code.Trim(), r.Name.Trim(), r.Points, r.Unit.Trim(),
            r.CapPerMonth, r.CapPerYear, r.NeedsApproval, r.NeedsEvidence, r.IsVeto)), request.CommunityReview);
        await db.SaveChangesAsync(ct);
        return ToDto(set);
    }

    /// <summary>The draft of the caller's street for a tier and year, if one is being prepared.</summary>
    public async Task<RuleSetDto?> DraftOfAsync(string tier, int year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var draft = await db.RuleSets.AsNoTracking().Include(s => s.Rules).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Tier == tier && s.Year == year && s.Status == RuleSetStatus.Draft && ("/" + s.StreetId + "/").StartsWith(scope), ct);
        return draft is null ? null : ToDto(draft);
    }

    /// <summary>What adopting the draft would change against the current version, for the confirmation before it.</summary>
    public async Task<Result<RuleSetChanges>> ChangesAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } set)
        {
            return Error.NotFound("Entity.RuleSet");
        }
        if (set.Status != RuleSetStatus.Draft)
        {
            return Error.Conflict("Points.NotDraft");
        }
        return set.ChangesFrom(await rules.FindCurrentAsync(set.StreetId, set.Tier, set.Year, ct));
    }

    /// <summary>Makes the draft current; the version it replaces is retired and keeps every entry that names it.</summary>
    public async Task<Result<RuleSetDto>> AdoptAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } set)
        {
            return Error.NotFound("Entity.RuleSet");
        }
        if (set.Status != RuleSetStatus.Draft)
        {
            return Error.Conflict("Points.NotDraft");
        }
        set.Adopt(await rules.FindCurrentAsync(set.StreetId, set.Tier, set.Year, ct));
        await db.SaveChangesAsync(ct);
        return ToDto(set);
    }

    /// <summary>How the members of the set's street and tier would have scored in <paramref name="year"/> (default: the year
    /// before the set's) under this set, beside what they scored.</summary>
    public async Task<Result<Preview>> PreviewAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } set)
        {
            return Error.NotFound("Entity.RuleSet");
        }
        var y = year ?? set.Year - 1;
        var streetPath = "/" + set.StreetId + "/";
        var members = await db.Members.AsNoTracking().Within(streetPath)
            .Where(m => m.Tier == set.Tier && m.Status == MemberStatus.Active)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => ids.Contains(e.MemberId) && e.Year == y && e.Status == EntryStatus.Approved && e.ReversalOf == null
                && !db.LedgerEntries.Any(r => r.ReversalOf == e.Id))
            .Select(e => new WhatIf.PastEntry(e.MemberId, e.RuleCode, e.Quantity, e.OccurredOn)).ToListAsync(ct);
        var stored = await db.MemberPoints.AsNoTracking().Where(p => ids.Contains(p.MemberId) && p.Year == y)
            .ToDictionaryAsync(p => p.MemberId, p => p.AssessmentScore, ct);
        var standards = await rules.StandardsAsync(y, ct);
        var currentStars = standards.StarsOf(set.StreetId, set.Tier);
        var baseScore = standards.BaseOf(set.StreetId, set.Tier);
        var preview = WhatIf.Scores(set, ids, entries);
        var rows = members.Select(m =>
        {
            var now = stored.TryGetValue(m.Id, out var s) ? s : baseScore;
            return new PreviewRow(m.Id, m.Name, now, currentStars.StarsFor(now), preview[m.Id], set.Stars.StarsFor(preview[m.Id]));
        }).OrderByDescending(r => r.PreviewScore).ThenBy(r => r.MemberId).ToList();
        return new Preview(set.Id, y, rows.Count, rows.Count(r => r.PreviewStars > r.CurrentStars), rows.Count(r => r.PreviewStars < r.CurrentStars), rows);
    }

    public const int MaxCode = 40;
    public const int MaxName = 100;
    public const int MaxPoints = 1000;

    /// <summary>What is wrong with one item, each as its own message: a name, a unit, a code of at most
    /// <see cref="MaxCode"/> characters, points within ±<see cref="MaxPoints"/> and caps that are not negative.</summary>
    public static IEnumerable<FieldProblem> RuleProblems(RuleDto r)
    {
        var label = string.IsNullOrWhiteSpace(r.Name) ? r.Code ?? "" : r.Name.Trim();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > MaxName)
        {
            yield return new("rules", "Points.RuleNameRequired", MaxName);
        }
        if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Trim().Length > MaxCode)
        {
            yield return new("rules", "Points.RuleCodeInvalid", label, MaxCode);
        }
        if (string.IsNullOrWhiteSpace(r.Unit) || r.Unit.Trim().Length > 10)
        {
            yield return new("rules", "Points.RuleUnitRequired", label);
        }
        if (Math.Abs(r.Points) > MaxPoints)
        {
            yield return new("rules", "Points.RulePointsRange", label, MaxPoints);
        }
        if (r.CapPerMonth < 0 || r.CapPerYear < 0)
        {
            yield return new("rules", "Points.RuleCapNegative", label);
        }
    }

    /// <summary>Items added on the screen come without a code: each gets "item-N", N one past the highest such code.</summary>
    public static IReadOnlyList<RuleDto> WithCodes(IReadOnlyList<RuleDto> items)
    {
        var next = items.Select(r => r.Code?.Trim() ?? "").Where(c => c.StartsWith(ItemCodePrefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c[ItemCodePrefix.Length..], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        return items.Select(r => string.IsNullOrWhiteSpace(r.Code) ? r with { Code = ItemCodePrefix + next++ } : r).ToList();
    }

    private const string ItemCodePrefix = "item-";

    private async Task<RuleSet?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.RuleSets.Include(s => s.Rules).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id && ("/" + s.StreetId + "/").StartsWith(scope), ct);
    }

    private static RuleSetDto ToDto(RuleSet s) => new(s.Id, s.Tier, s.Year, s.Version, s.Status, s.BaseScore, s.StarThresholds,
        s.Rules.OrderBy(r => r.SortOrder).Select(r => r.ToDto()).ToList(), s.CommunityReview);
}
