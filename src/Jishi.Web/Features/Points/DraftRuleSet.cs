using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Starts the next version of the caller's street's rules for a tier and year as a draft: a copy of the current
/// version (or of the defaults when there is none); one draft at a time.</summary>
public sealed class DraftRuleSet(JishiDbContext db, CurrentUser user, RuleSetLookup rules)
{
    public sealed record DraftRequest(string? Tier, int? Year);

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
        return draft.AsDto();
    }
}
