using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Members;

/// <summary>Creates and updates members, and moves them between units with a recorded transfer.</summary>
public sealed class SaveMember(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<Result<MemberDetail>> GetAsync(int id, CancellationToken ct)
    {
        var member = await FindAsync(id, ct);
        return member is null ? Error.NotFound("Entity.Member") : member.AsDetail(user.SeesSensitiveData);
    }

    public async Task<Result<MemberDetail>> CreateAsync(MemberInput input, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, input.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (await ValidateAsync(input, null, ct) is { } invalid)
        {
            return invalid;
        }
        var member = new Member(input, unit);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member.AsDetail(user.SeesSensitiveData);
    }

    /// <summary>Changes a member's data; the unit changes only through <see cref="TransferAsync"/>. Masked values sent
    /// back unchanged keep the stored number.</summary>
    public async Task<Result<MemberDetail>> UpdateAsync(int id, MemberInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } member)
        {
            return Error.NotFound("Entity.Member");
        }
        input = input with
        {
            UnitId = member.UnitId,
            IdNumber = input.IdNumber?.Contains('*') == true ? member.IdNumber : input.IdNumber,
            Phone = input.Phone?.Contains('*') == true ? member.Phone : input.Phone,
            Landline = input.Landline?.Contains('*') == true ? member.Landline : input.Landline,
        };
        if (await ValidateAsync(input, member.Id, ct) is { } invalid)
        {
            return invalid;
        }
        member.Update(input);
        await db.SaveChangesAsync(ct);
        return member.AsDetail(user.SeesSensitiveData);
    }

    public sealed record TransferRequest(int ToUnitId, DateOnly? On, string? Note);

    public async Task<Result<MemberDetail>> TransferAsync(int id, TransferRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } member || await db.FindVisibleUnitAsync(user, request.ToUnitId, ct) is not { } target)
        {
            return Error.NotFound("Entity.Member");
        }
        if (target.Id == member.UnitId)
        {
            return Error.Invalid("Member.TransferSameUnit");
        }
        if (target.IsArchived)
        {
            return Error.Invalid("Unit.Archived", target.Name);
        }
        member.TransferTo(target, request.On ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), request.Note?.Trim());
        await db.SaveChangesAsync(ct);
        return member.AsDetail(user.SeesSensitiveData);
    }

    public async Task<Result<IReadOnlyList<TransferDto>>> HistoryAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.Member");
        }
        var rows = await db.MemberTransfers.AsNoTracking().Where(t => t.MemberId == id).OrderBy(t => t.On).ThenBy(t => t.Id)
            .Select(t => new TransferDto(t.Id, t.FromUnitId, db.Units.Where(u => u.Id == t.FromUnitId).Select(u => u.Name).First(),
                t.ToUnitId, db.Units.Where(u => u.Id == t.ToUnitId).Select(u => u.Name).First(), t.On, t.Note))
            .ToListAsync(ct);
        return rows;
    }

    private async Task<Member?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Members.Include(m => m.Unit).Within(scope).FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    private async Task<ValidationError?> ValidateAsync(MemberInput input, int? selfId, CancellationToken ct)
    {
        var tiers = await db.MemberTiers.Where(t => t.IsActive).Select(t => t.Name).ToListAsync(ct);
        var problems = MemberRules.Validate(input, tiers, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var data = new Dictionary<string, object>();
        if (MemberRules.NormalizeIdNumber(input.IdNumber) is { } id && !problems.Any(p => p.Field == "idNumber")
            && await db.Members.Where(m => m.IdNumber == id && m.Id != selfId)
                .Select(m => new IdNumberHolder(m.Id, m.Name, m.Unit!.Name, m.Unit.Path)).FirstOrDefaultAsync(ct) is { } holder)
        {
            var scope = await user.ScopePathAsync(ct);
            problems.Add(holder.Problem(scope));
            if (holder.Offer(scope) is { } offer)
            {
                data[IdNumberHolder.TransferKey] = offer;
            }
        }
        return problems.Count == 0 ? null : new ValidationError(problems) { Data = data };
    }
}
