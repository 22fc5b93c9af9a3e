using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Volunteering;

/// <summary>What the phone page /v/{secret} shows: the activity as published, and where the person stands.</summary>
public sealed record DeskActivity(int Id, string Title, string Content, string Contact, string? VenueName, string? VenueAddress,
    DateTime StartsAt, DateTime EndsAt, int Capacity, int SignedUp, ActivityStatus Status);

public sealed record DeskPerson(string Name, DateTime? CheckedInAt, DateTime? CheckedOutAt, decimal Hours);

/// <summary>The public side of an activity, reached by its secret: sign-up by name and mobile number (or as the member bound to
/// the logged-in account), and check-in and check-out by mobile number, matched against this activity's sign-ups only.</summary>
public sealed class CheckInDesk(JishiDbContext db, TimeProvider clock, Places places)
{
    /// <summary>Who is asking: the member of the logged-in account, else a mobile number (and the name, to sign up).</summary>
    public sealed record Caller(int? MemberId, string? Name, string? Phone);

    public async Task<DeskActivity?> FindAsync(string secret, CancellationToken ct) =>
        await db.VolunteerActivities.AsNoTracking().Where(a => a.Secret == secret)
            .Select(a => new DeskActivity(a.Id, a.Title, a.Content, a.Contact,
                db.Venues.Where(v => v.Id == a.VenueId).Select(v => v.Name).FirstOrDefault(),
                db.Venues.Where(v => v.Id == a.VenueId).Select(v => v.Address).FirstOrDefault(),
                a.StartsAt, a.EndsAt, a.Capacity, a.SignedUp, a.Status))
            .FirstOrDefaultAsync(ct);

    /// <summary>The member bound to an account, when there is one.</summary>
    public Task<int?> MemberOfAsync(string? userName, CancellationToken ct) => userName is null
        ? Task.FromResult<int?>(null)
        : db.Users.Where(u => u.UserName == userName).Select(u => u.MemberId).FirstOrDefaultAsync(ct);

    /// <summary>The caller's sign-up of this activity, or null.</summary>
    public async Task<DeskPerson?> StandingAsync(string secret, Caller caller, CancellationToken ct)
    {
        if (await SignupOfAsync(secret, caller, ct) is not { } found)
        {
            return null;
        }
        return await PersonAsync(found.Activity, found.Signup, ct);
    }

    /// <summary>Signs the caller up: the account's member, else the active member or registered volunteer with exactly this
    /// name and mobile number.</summary>
    public async Task<Result<DeskPerson>> SignUpAsync(string secret, Caller caller, CancellationToken ct)
    {
        if (await db.VolunteerActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Secret == secret, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (activity.WhyNotSignUp(Now) is { } why)
        {
            return Error.Conflict(why);
        }
        ActivitySignup signup;
        if (caller.MemberId is { } memberId)
        {
            signup = ActivitySignup.ForMember(activity.Id, memberId, Now);
        }
        else
        {
            var phone = Phones.Normalize(caller.Phone);
            var name = caller.Name?.Trim() ?? "";
            if (await db.Members.Where(m => m.Phone == phone && m.Name == name && m.Status == Members.MemberStatus.Active)
                    .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct) is { } member)
            {
                signup = ActivitySignup.ForMember(activity.Id, member, Now);
            }
            else if (await db.Volunteers.Where(v => v.Phone == phone && v.Name == name).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct) is { } volunteer)
            {
                signup = ActivitySignup.ForVolunteer(activity.Id, volunteer, Now);
            }
            else
            {
                return new Error("Volunteering.PersonUnknown", StatusCodes.Status404NotFound);
            }
        }
        var taken = await places.TakeAsync(signup, ct);
        return taken.IsSuccess ? await PersonAsync(activity, taken.Value!, ct) : taken.Error!;
    }

    public Task<Result<DeskPerson>> CheckInAsync(string secret, Caller caller, CancellationToken ct) =>
        ChangeAsync(secret, caller, (a, s) => a.CheckIn(s, Now), ct);

    public Task<Result<DeskPerson>> CheckOutAsync(string secret, Caller caller, CancellationToken ct) =>
        ChangeAsync(secret, caller, (a, s) => a.CheckOut(s, Now), ct);

    private async Task<Result<DeskPerson>> ChangeAsync(string secret, Caller caller, Func<VolunteerActivity, ActivitySignup, string?> change, CancellationToken ct)
    {
        if (await SignupOfAsync(secret, caller, ct) is not { } found)
        {
            return new Error("Volunteering.NotSignedUp", StatusCodes.Status404NotFound);
        }
        if (change(found.Activity, found.Signup) is { } why)
        {
            return Error.Conflict(why);
        }
        await db.SaveChangesAsync(ct);
        return await PersonAsync(found.Activity, found.Signup, ct);
    }

    private async Task<(VolunteerActivity Activity, ActivitySignup Signup)?> SignupOfAsync(string secret, Caller caller, CancellationToken ct)
    {
        if (await db.VolunteerActivities.FirstOrDefaultAsync(a => a.Secret == secret, ct) is not { } activity)
        {
            return null;
        }
        var phone = Phones.Normalize(caller.Phone);
        if (caller.MemberId is null && phone.Length == 0)
        {
            return null;
        }
        var signup = await db.ActivitySignups.Where(s => s.ActivityId == activity.Id).FirstOrDefaultAsync(s => caller.MemberId != null
            ? s.MemberId == caller.MemberId
            : db.Members.Any(m => m.Id == s.MemberId && m.Phone == phone) || db.Volunteers.Any(v => v.Id == s.VolunteerId && v.Phone == phone), ct);
        return signup is null ? null : (activity, signup);
    }

    private async Task<DeskPerson> PersonAsync(VolunteerActivity activity, ActivitySignup signup, CancellationToken ct)
    {
        var name = signup.MemberId is { } m
            ? await db.Members.Where(x => x.Id == m).Select(x => x.Name).FirstAsync(ct)
            : await db.Volunteers.Where(x => x.Id == signup.VolunteerId).Select(x => x.Name).FirstAsync(ct);
        return new DeskPerson(name, signup.CheckedInAt, signup.CheckedOutAt, signup.HalfHours(activity) / 2m);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
