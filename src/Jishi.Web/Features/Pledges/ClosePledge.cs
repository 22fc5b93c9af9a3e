using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;

namespace Jishi.Web.Features.Pledges;

/// <summary>A published pledge closed once: kept (践诺, with the evidence, which awards the pledge rule once through
/// <see cref="PointsLedger"/>) or not kept (with the reason). The status is a concurrency token (<see cref="GuardedChange"/>).</summary>
public sealed class ClosePledge(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger, PledgeQueries queries)
{
    public sealed record KeepRequest(string? Evidence);

    /// <summary>Marks the pledge kept and posts the pledge rule's award with the source key "pledge:{id}": the ledger's unique
    /// key makes it one entry however many 践诺 arrive at once, and a repeated 践诺 re-posts an award that failed before.</summary>
    public async Task<Result<PledgeDto>> KeepAsync(int id, KeepRequest request, CancellationToken ct)
    {
        if (await RefusedAsync(id, "evidence", request.Evidence, "Pledges.EvidenceRequired", ct) is { } refused)
        {
            return refused;
        }
        var changed = await CloseAsync(id, PledgeStatus.Kept, p => p.Keep(request.Evidence!.Trim(), By, Now), ct);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }
        var pledge = changed.Value!;
        // The award counts toward the pledge's year, dated today or, for a past year, its last day.
        var (today, lastDay) = (DateOnly.FromDateTime(clock.GetLocalNow().DateTime), new DateOnly(pledge.Year, 12, 31));
        var on = today < lastDay ? today : lastDay;
        var award = await ledger.AwardAsync(new PointsLedger.AwardRequest(pledge.MemberId, RuleCodes.PledgeKept, 1, on,
            Note(pledge), Pledge.SourceKeyOf(id), pledge.Outcome), ct);
        return award.IsSuccess ? await queries.DtoAsync(id, ct) : award.Error!;
    }

    public async Task<Result<PledgeDto>> NotKeptAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct)
    {
        if (await RefusedAsync(id, "reason", request.Reason, "Points.ReasonRequired", ct) is { } refused)
        {
            return refused;
        }
        var changed = await CloseAsync(id, PledgeStatus.NotKept, p => p.MarkNotKept(request.Reason!.Trim(), By, Now), ct);
        return changed.IsSuccess ? await queries.DtoAsync(id, ct) : changed.Error!;
    }

    /// <summary>The note of a kept pledge's award (the demo's award carries it too).</summary>
    public static string Note(Pledge pledge) => $"{pledge.Year}年公开承诺兑现";

    /// <summary>Null when the caller sees the pledge and gave the evidence or reason (<paramref name="value"/>); otherwise
    /// the error to answer, 404 before 400.</summary>
    private async Task<Error?> RefusedAsync(int id, string field, string? value, string requiredKey, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is null ? Error.NotFound("Entity.Pledge")
        : string.IsNullOrWhiteSpace(value) ? new ValidationError([new(field, requiredKey)])
        : value.Trim().Length > Pledge.MaxText ? new ValidationError([new(field, "Text.TooLong", Pledge.MaxText)])
        : null;

    private Task<Result<Pledge>> CloseAsync(int id, PledgeStatus to, Action<Pledge> close, CancellationToken ct) =>
        db.ApplyAsync("Entity.Pledge", () => queries.FindAsync(id, ct), p => p.WhyNotClosable(to), close, ct);

    private string By => user.UserName ?? "system";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
