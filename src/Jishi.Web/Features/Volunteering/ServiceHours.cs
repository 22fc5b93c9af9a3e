using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Volunteering;

public sealed record HoursLine(int ActivityId, string Title, DateTime StartsAt, decimal Hours, DateTime PostedUntil);

/// <summary>A person's volunteer hours of a year, their cumulative hours and the star level those reach.</summary>
public sealed record PersonHours(PersonKind Kind, int PersonId, string Name, int Year, decimal Hours, decimal TotalHours, int Stars,
    int? NextStarHours, IReadOnlyList<HoursLine> Lines);

/// <summary>志愿服务证明: the fields of the national volunteer service rules; only hours whose public posting has ended count.</summary>
public sealed record Certificate(string Number, string Name, IdType IdType, string IdNumber, int Year, decimal Hours,
    IReadOnlyList<HoursLine> Lines, string IssuingUnit, string Handler, string Contact, DateOnly IssuedOn);

public sealed record PostingLine(string Name, PersonKind Kind, decimal Hours);

/// <summary>The public 公示 of an activity's confirmed hours.</summary>
public sealed record HoursPosting(int ActivityId, string Title, string UnitName, DateTime StartsAt, DateTime ConfirmedAt, DateTime PostedUntil,
    string Contact, IReadOnlyList<PostingLine> Lines);

/// <summary>Reads the service records: a person's hours and stars, the certificate, an activity's public posting.</summary>
public sealed class ServiceHours(JishiDbContext db, CurrentUser user, TimeProvider clock, IOptions<VolunteeringOptions> options)
{
    private sealed record Person(PersonKind Kind, int Id, string Name, int UnitId, IdType IdType, string? IdNumber);

    public async Task<Result<PersonHours>> OfAsync(PersonKind kind, int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(kind, id, ct) is not { } person)
        {
            return NotFound(kind);
        }
        return await HoursAsync(person, year ?? clock.GetLocalNow().Year, ct);
    }

    public async Task<Result<Certificate>> CertificateAsync(PersonKind kind, int id, int year, CancellationToken ct)
    {
        if (await FindAsync(kind, id, ct) is not { } person)
        {
            return NotFound(kind);
        }
        var hours = await HoursAsync(person, year, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var posted = hours.Lines.Where(l => l.PostedUntil <= now).ToList();
        if (posted.Count == 0)
        {
            return hours.Lines.Count == 0 ? Error.Conflict("Volunteering.NoHours", year)
                : Error.Conflict("Volunteering.CertificateNotYet", clock.ToLocal(hours.Lines.Min(l => l.PostedUntil)).ToString("yyyy-MM-dd HH:mm"));
        }
        var unit = await IssuerAsync(person.UnitId, ct);
        var contact = unit.ContactPhone is { Length: > 0 } phone ? $"{unit.ContactName} {phone}".Trim()
            : await db.VolunteerActivities.Where(a => posted.Select(l => l.ActivityId).Contains(a.Id)).OrderByDescending(a => a.StartsAt)
                .Select(a => a.Contact).FirstAsync(ct);
        var handler = await db.Users.Where(u => u.UserName == user.UserName).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new Certificate(NumberOf(kind, id, year), person.Name, person.IdType, Masking.IdNumber(person.IdNumber) ?? "", year,
            posted.Sum(l => l.Hours), posted, unit.Name, string.IsNullOrEmpty(handler) ? user.UserName ?? "" : handler, contact,
            DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
    }

    /// <summary>The public posting of a confirmed activity; null before confirmation or when there is no such activity.</summary>
    public async Task<HoursPosting?> PostingAsync(int activityId, CancellationToken ct)
    {
        var activity = await db.VolunteerActivities.AsNoTracking().Where(a => a.Id == activityId && a.ConfirmedAt != null)
            .Select(a => new { a.Title, UnitName = db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).First(), a.StartsAt, a.ConfirmedAt, a.Contact })
            .FirstOrDefaultAsync(ct);
        if (activity is null)
        {
            return null;
        }
        var lines = await db.ServiceRecords.AsNoTracking().Where(r => r.ActivityId == activityId).OrderBy(r => r.Id)
            .Select(r => new PostingLine(
                r.MemberId != null ? db.Members.Where(m => m.Id == r.MemberId).Select(m => m.Name).First()
                    : db.Volunteers.Where(v => v.Id == r.VolunteerId).Select(v => v.Name).First(),
                r.MemberId != null ? PersonKind.Member : PersonKind.Volunteer, r.HalfHours / 2m))
            .ToListAsync(ct);
        return new HoursPosting(activityId, activity.Title, activity.UnitName, activity.StartsAt, activity.ConfirmedAt!.Value,
            activity.ConfirmedAt.Value.AddDays(options.Value.PostingDays), activity.Contact, lines);
    }

    /// <summary>"ZYFW2026M000123": the year, M for a member or V for a resident volunteer, and the person's id, so that a
    /// reprint carries the same number.</summary>
    public static string NumberOf(PersonKind kind, int id, int year) => $"ZYFW{year}{(kind == PersonKind.Member ? 'M' : 'V')}{id:D6}";

    private async Task<PersonHours> HoursAsync(Person person, int year, CancellationToken ct)
    {
        var records = db.ServiceRecords.AsNoTracking()
            .Where(r => person.Kind == PersonKind.Member ? r.MemberId == person.Id : r.VolunteerId == person.Id);
        var total = await records.SumAsync(r => r.HalfHours, ct) / 2m;
        var days = options.Value.PostingDays;
        var lines = await records.Where(r => r.Year == year)
            .Join(db.VolunteerActivities, r => r.ActivityId, a => a.Id, (r, a) => new { a.Id, a.Title, a.StartsAt, r.HalfHours, a.ConfirmedAt })
            .OrderBy(x => x.StartsAt)
            .ToListAsync(ct);
        var stars = options.Value.Stars;
        return new PersonHours(person.Kind, person.Id, person.Name, year, lines.Sum(l => l.HalfHours) / 2m, total,
            VolunteerHours.Stars(total, stars), stars.Where(s => s > total).Cast<int?>().FirstOrDefault(),
            lines.Select(l => new HoursLine(l.Id, l.Title, l.StartsAt, l.HalfHours / 2m, l.ConfirmedAt!.Value.AddDays(days))).ToList());
    }

    private async Task<Person?> FindAsync(PersonKind kind, int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return kind == PersonKind.Member
            ? await db.Members.AsNoTracking().Within(scope).Where(m => m.Id == id)
                .Select(m => new Person(PersonKind.Member, m.Id, m.Name, m.UnitId, IdType.ResidentId, m.IdNumber)).FirstOrDefaultAsync(ct)
            : await db.Volunteers.AsNoTracking().Where(v => v.Id == id && db.Units.Within(scope).Any(u => u.Id == v.UnitId))
                .Select(v => new Person(PersonKind.Volunteer, v.Id, v.Name, v.UnitId, v.IdType, v.IdNumber)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The community the person belongs to issues the certificate (the unit itself when it is not below one).</summary>
    private async Task<Unit> IssuerAsync(int unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var above = VenueQueries.AncestorIds(unit.Path);
        return await db.Units.AsNoTracking().Where(u => above.Contains(u.Id) && u.Kind == UnitKind.Community).FirstOrDefaultAsync(ct) ?? unit;
    }

    private static Error NotFound(PersonKind kind) => Error.NotFound(kind == PersonKind.Member ? "Entity.Member" : "Entity.Volunteer");

}
