namespace Jishi.Web.Features.Organizations;

public sealed record UnitDto(int Id, int? ParentId, UnitKind Kind, string Name, bool IsArchived, int SortOrder);

public static class UnitMapping
{
    public static UnitDto AsDto(this Unit u) => new(u.Id, u.ParentId, u.Kind, u.Name, u.IsArchived, u.SortOrder);
}
