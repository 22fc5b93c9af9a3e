using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Volunteering;

/// <summary>Takes and gives back places of an activity. The count moves by a conditional UPDATE ("SignedUp &lt; Capacity")
/// in the same transaction as the sign-up row, so the database decides who gets the last place: on PostgreSQL the row lock
/// makes a second UPDATE re-read the count after the first commits; on SQLite the transaction holds the write lock from
/// BEGIN. A check constraint and the unique (activity, person) indexes back it up.</summary>
public sealed class Places(JishiDbContext db, WriteGate gate)
{
    public async Task<Result<ActivitySignup>> TakeAsync(ActivitySignup signup, CancellationToken ct)
    {
        using var turn = await EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ActivitySignups.AnyAsync(s => s.ActivityId == signup.ActivityId
                && ((signup.MemberId != null && s.MemberId == signup.MemberId) || (signup.VolunteerId != null && s.VolunteerId == signup.VolunteerId)), ct))
        {
            return Error.Conflict("Volunteering.AlreadySignedUp");
        }
        var taken = await db.VolunteerActivities
            .Where(a => a.Id == signup.ActivityId && a.Status == ActivityStatus.Published && a.SignedUp < a.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SignedUp, a => a.SignedUp + 1), ct);
        if (taken == 0)
        {
            return Error.Conflict("Volunteering.Full");
        }
        db.ActivitySignups.Add(signup);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same person's second request in the same instant; the rollback gives the place back.
            db.ChangeTracker.Clear();
            return Error.Conflict("Volunteering.AlreadySignedUp");
        }
        await tx.CommitAsync(ct);
        return signup;
    }

    /// <summary>Removes a sign-up nobody has checked in on and frees its place.</summary>
    public async Task<Result<bool>> GiveBackAsync(int activityId, int signupId, CancellationToken ct)
    {
        using var turn = await EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ActivitySignups.FirstOrDefaultAsync(s => s.Id == signupId && s.ActivityId == activityId, ct) is not { } signup)
        {
            return Error.NotFound("Entity.Signup");
        }
        if (signup.CheckedInAt is not null)
        {
            return Error.Conflict("Volunteering.AlreadyCheckedIn");
        }
        db.ActivitySignups.Remove(signup);
        await db.SaveChangesAsync(ct);
        await db.VolunteerActivities.Where(a => a.Id == activityId && a.Status == ActivityStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SignedUp, a => a.SignedUp - 1), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>On SQLite this process's writers queue in memory (as the ledger's do) rather than spin on the busy lock.</summary>
    private async Task<IDisposable?> EnterAsync(CancellationToken ct) =>
        db.Database.IsSqlite() ? await gate.EnterAsync(WriteGate.WholeDatabase, ct) : null;
}
