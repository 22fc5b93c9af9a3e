using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Organizations;

/// <summary>Create, rename, move, archive and delete units inside the caller's subtree. A caller can never
/// create or change its own top unit's parent, so nobody edits above their place in the tree.</summary>
public sealed class ChangeUnit(JishiDbContext db, CurrentUser user)
{
    public sealed record CreateRequest(int ParentId, UnitKind Kind, string Name, int SortOrder = 0);

    public async Task<Result<UnitDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Error.Invalid("Unit.NameRequired");
        }
        if (await db.FindVisibleUnitAsync(user, request.ParentId, ct) is not { } parent)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (!Unit.CanContain(parent.Kind, request.Kind))
        {
            return Error.Invalid("Unit.WrongLevel", KindText(request.Kind), KindText(parent.Kind));
        }
        var unit = new Unit(request.Name, request.Kind, parent) { SortOrder = request.SortOrder };
        db.Units.Add(unit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        unit.AssignPath();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return unit.AsDto();
    }

    public async Task<Result<UnitDto>> RenameAsync(int id, string name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Error.Invalid("Unit.NameRequired");
        }
        if (await db.FindVisibleUnitAsync(user, id, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        unit.Rename(name);
        await db.SaveChangesAsync(ct);
        return unit.AsDto();
    }

    public async Task<Result<UnitDto>> MoveAsync(int id, int newParentId, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, id, ct) is not { } unit || unit.Id == user.UnitId
            || await db.FindVisibleUnitAsync(user, newParentId, ct) is not { } parent)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (!Unit.CanContain(parent.Kind, unit.Kind))
        {
            return Error.Invalid("Unit.WrongLevel", KindText(unit.Kind), KindText(parent.Kind));
        }
        if (parent.IsWithin(unit.Path))
        {
            return Error.Invalid("Unit.MoveUnderItself");
        }
        var oldPath = unit.MoveTo(parent);
        var descendants = await db.Units.Within(oldPath).Where(u => u.Id != unit.Id).ToListAsync(ct);
        foreach (var d in descendants)
        {
            d.Rebase(oldPath, unit.Path);
        }
        await db.SaveChangesAsync(ct);
        return unit.AsDto();
    }

    public async Task<Result<UnitDto>> SetArchivedAsync(int id, bool archived, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, id, ct) is not { } unit || unit.Id == user.UnitId)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (archived)
        {
            unit.Archive();
        }
        else
        {
            unit.Restore();
        }
        await db.SaveChangesAsync(ct);
        return unit.AsDto();
    }

    public async Task<Result<bool>> DeleteAsync(int id, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, id, ct) is not { } unit || unit.Id == user.UnitId)
        {
            return Error.NotFound("Entity.Unit");
        }
        var memberCount = await db.Members.Within(unit.Path).CountAsync(ct);
        if (memberCount > 0)
        {
            return Error.Conflict("Unit.HasMembers", unit.Name, memberCount);
        }
        if (await db.Units.AnyAsync(u => u.ParentId == unit.Id, ct))
        {
            return Error.Conflict("Unit.HasChildren", unit.Name);
        }
        if (await db.Users.AnyAsync(u => u.UnitId == unit.Id, ct))
        {
            return Error.Conflict("Unit.HasAccounts", unit.Name);
        }
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string KindText(UnitKind kind) => "UnitKind." + kind;
}
