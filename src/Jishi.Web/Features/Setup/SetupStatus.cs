using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Setup;

public sealed record SetupStepDto(SetupStep Step, StepState State);

/// <summary>The guide as the caller's street stands: each step's state, how many are done, the next one, whether signing in
/// still leads here (<see cref="Prompt"/>) and whether every step is done (<see cref="Complete"/>).</summary>
public sealed record SetupStatusDto(int StreetId, string StreetName, string? District, int Year, IReadOnlyList<SetupStepDto> Steps,
    int Done, int Total, SetupStep? Next, bool Started, bool Dismissed, bool Prompt, bool Complete);

/// <summary>Reads the state of the set-up guide of the caller's own street from its data and its <see cref="SetupProgress"/>.</summary>
public sealed class SetupStatus(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<Result<SetupStatusDto>> HandleAsync(CancellationToken ct)
    {
        if (await OwnStreetAsync(db, user, ct) is not { } street)
        {
            return Error.NotFound("Entity.Unit");
        }
        var progress = await db.SetupProgress.AsNoTracking().FirstOrDefaultAsync(p => p.StreetId == street.Id, ct);
        var year = clock.GetLocalNow().Year;
        var facts = await FactsAsync(street, progress, year, ct);
        var skipped = progress?.Skipped ?? new HashSet<SetupStep>();
        var steps = SetupGuide.Steps.Select(s => new SetupStepDto(s, SetupGuide.StateOf(s, facts, skipped))).ToList();
        var started = progress is not null;
        var dismissed = progress?.Dismissed ?? false;
        return new SetupStatusDto(street.Id, street.Name, street.District, year, steps, SetupGuide.DoneCount(facts), steps.Count,
            SetupGuide.Next(facts, skipped), started, dismissed, SetupGuide.Prompts(started, dismissed, facts, skipped), SetupGuide.IsComplete(facts));
    }

    /// <summary>The caller's own unit when it is a street: the guide belongs to a street and its admins.</summary>
    public static async Task<Unit?> OwnStreetAsync(JishiDbContext db, CurrentUser user, CancellationToken ct) =>
        user.UnitId is { } own && await db.FindVisibleUnitAsync(user, own, ct) is { Kind: UnitKind.Street } street ? street : null;

    private async Task<SetupFacts> FactsAsync(Unit street, SetupProgress? progress, int year, CancellationToken ct)
    {
        var units = db.Units.Within(street.Path).Select(u => u.Id);
        var activeTiers = await db.MemberTiers.Where(t => t.IsActive).Select(t => t.Name).ToListAsync(ct);
        var tiersWithSets = await db.RuleSets
            .Where(s => s.StreetId == street.Id && s.Year == year && s.Status == RuleSetStatus.Current).Select(s => s.Tier).ToListAsync(ct);
        return new SetupFacts(
            StreetNamed: !string.IsNullOrEmpty(street.District),
            HasUnits: await units.AnyAsync(id => id != street.Id, ct),
            HasMembers: await db.Members.AnyAsync(m => units.Contains(m.UnitId), ct),
            TiersConfirmed: progress?.TiersConfirmed ?? false,
            HasAccounts: await db.Users.AnyAsync(u => units.Contains(u.UnitId) && u.UserName != DatabaseInitializer.AdminUserName, ct),
            HasRuleSets: activeTiers.Count > 0 && activeTiers.All(tiersWithSets.Contains));
    }
}
