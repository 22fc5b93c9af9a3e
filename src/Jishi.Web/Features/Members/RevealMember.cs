using Jishi.Web.Data;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Members;

/// <summary>Shows one member's ID number and phones in clear, to the roles that may see personal data (lists show them
/// masked to everyone). Each reveal is written to the audit log: who, when, which member; the numbers themselves are not.</summary>
public sealed class RevealMember(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public const string Action = "Revealed";

    public async Task<Result<MemberDetail>> HandleAsync(int id, CancellationToken ct)
    {
        if (!user.SeesSensitiveData)
        {
            return new Error("Roster.RevealForbidden", StatusCodes.Status403Forbidden);
        }
        var scope = await user.ScopePathAsync(ct);
        var member = await db.Members.AsNoTracking().Include(m => m.Unit).Where(m => m.Id == id)
            .FirstOrDefaultAsync(m => db.Units.Within(scope).Any(u => u.Id == m.UnitId), ct);
        if (member is null)
        {
            return Error.NotFound("Entity.Member");
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = user.UserName,
            Entity = nameof(Member),
            Key = member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = Action,
            After = """{"fields":["idNumber","phone","landline"]}""",
        });
        await db.SaveChangesAsync(ct);
        return member.AsDetail(clear: true);
    }
}
