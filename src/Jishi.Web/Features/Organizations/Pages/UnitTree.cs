namespace Jishi.Web.Features.Organizations.Pages;

/// <summary>A unit with its children, as the tree components want it.</summary>
public sealed record UnitNode(UnitDto Unit, string Title, List<UnitNode> Children)
{
    public string Key => Unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Builds the forest of <paramref name="units"/> (parents listed before children, as ListUnits gives them);
    /// a unit whose parent is outside the list is a root.</summary>
    public static List<UnitNode> Build(IEnumerable<UnitDto> units, Func<UnitDto, string> title)
    {
        var nodes = new Dictionary<int, UnitNode>();
        var roots = new List<UnitNode>();
        foreach (var u in units)
        {
            var node = new UnitNode(u, title(u), []);
            nodes[u.Id] = node;
            if (u.ParentId is { } p && nodes.TryGetValue(p, out var parent))
            {
                parent.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }
        return roots;
    }
}
