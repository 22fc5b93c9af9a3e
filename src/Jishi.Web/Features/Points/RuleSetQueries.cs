using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>What is read of the rule sets: the rules in force for the caller's street (any signed-in user), and for the
/// street's own work on them the versions, the draft being prepared, and how a past year's scores would come out under a set.</summary>
public sealed class RuleSetQueries(JishiDbContext db, CurrentUser user, TimeProvider clock, RuleSetLookup rules)
{
    public sealed record RulesRequest(string? Tier = null, int? Year = null);

    /// <summary>The current rules of the caller's street for a tier and year; the defaults while none is stored yet
    /// (reading never stores: the first entry of the year does).</summary>
    public async Task<Result<RuleSet>> RuleSetAsync(RulesRequest r, CancellationToken ct)
    {
        var tier = r.Tier?.Trim() is { Length: > 0 } t ? t : MemberTier.Defaults[0];
        if (!await db.MemberTiers.AnyAsync(x => x.Name == tier, ct))
        {
            return new ValidationError([new("tier", "Points.UnknownTier", tier)]);
        }
        if (await StreetAsync(ct) is not { } street)
        {
            return Error.NotFound("Entity.Unit");
        }
        var year = r.Year ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year;
        return await rules.FindCurrentAsync(street, tier, year, ct) ?? RuleSet.CreateDefault(street, tier, year);
    }

    public async Task<Result<IReadOnlyList<RuleDto>>> RulesAsync(RulesRequest r, CancellationToken ct)
    {
        var set = await RuleSetAsync(r, ct);
        return set.IsSuccess ? set.Value!.Rules.OrderBy(x => x.SortOrder).Select(x => x.ToDto()).ToList() : set.Error!;
    }

    public async Task<IReadOnlyList<RuleSetDto>> ListAsync(int? year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var sets = await db.RuleSets.AsNoTracking().Include(s => s.Rules).AsSplitQuery().OfStreetsWithin(scope)
            .Where(s => year == null || s.Year == year)
            .OrderByDescending(s => s.Year).ThenBy(s => s.Tier).ThenByDescending(s => s.Version).ToListAsync(ct);
        return sets.Select(s => s.AsDto()).ToList();
    }

    /// <summary>The draft of the caller's street for a tier and year, if one is being prepared.</summary>
    public async Task<RuleSetDto?> DraftOfAsync(string tier, int year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var draft = await db.RuleSets.AsNoTracking().Include(s => s.Rules).AsSplitQuery().OfStreetsWithin(scope)
            .FirstOrDefaultAsync(s => s.Tier == tier && s.Year == year && s.Status == RuleSetStatus.Draft, ct);
        return draft?.AsDto();
    }

    /// <summary>How the members of the set's street and tier would have scored in <paramref name="year"/> (default: the year
    /// before the set's) under this set, beside what they scored.</summary>
    public async Task<Result<RuleSetPreview>> PreviewAsync(int id, int? year, CancellationToken ct)
    {
        if (await db.FindRuleSetAsync(user, id, ct) is not { } set)
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
            return new RuleSetPreviewRow(m.Id, m.Name, now, currentStars.StarsFor(now), preview[m.Id], set.Stars.StarsFor(preview[m.Id]));
        }).OrderByDescending(r => r.PreviewScore).ThenBy(r => r.MemberId).ToList();
        return new RuleSetPreview(set.Id, y, rows.Count, rows.Count(r => r.PreviewStars > r.CurrentStars),
            rows.Count(r => r.PreviewStars < r.CurrentStars), rows);
    }

    /// <summary>The caller's street; the command line (whole tree) takes the first street.</summary>
    private async Task<int?> StreetAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (scope == "-")
        {
            return null;
        }
        return scope == "/"
            ? await db.Units.Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
            : Unit.StreetOf(scope);
    }
}
