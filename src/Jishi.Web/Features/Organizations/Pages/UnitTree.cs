namespace Jishi.Web.Features.Organizations.Pages;

/// <summary>A unit with its children, as the tree components want it.</summary>
public sealed record UnitNode(UnitDto Unit, string Title, List<UnitNode> Children)
{
    public string Key => Unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Builds the forest of <paramref name="units"/>, in any order, keeping their order among siblings; a unit
    /// whose parent is outside the list is a root.</summary>
    public static List<UnitNode> Build(IReadOnlyList<UnitDto> units, Func<UnitDto, string> title)
    {
        var nodes = units.ToDictionary(u => u.Id, u => new UnitNode(u, title(u), []));
        var roots = new List<UnitNode>();
        foreach (var u in units)
        {
            if (u.ParentId is { } p && nodes.TryGetValue(p, out var parent))
            {
                parent.Children.Add(nodes[u.Id]);
            }
            else
            {
                roots.Add(nodes[u.Id]);
            }
        }
        return roots;
    }
}
