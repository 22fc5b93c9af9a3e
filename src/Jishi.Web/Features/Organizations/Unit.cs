namespace Jishi.Web.Features.Organizations;

public enum UnitKind
{
    Street = 0,
    Community = 1,
    Branch = 2,
    PartyGroup = 3,
}

/// <summary>A node of the organization tree. <see cref="Path"/> is the materialized path of ids
/// ("/1/5/12/") so that a subtree is one indexed prefix match.</summary>
public sealed class Unit
{
    private Unit() { }

    public Unit(string name, UnitKind kind, Unit? parent)
    {
        if (parent is not null && !CanContain(parent.Kind, kind))
        {
            throw new InvalidOperationException($"A {kind} cannot sit under a {parent.Kind}.");
        }
        Name = name.Trim();
        Kind = kind;
        Parent = parent;
        ParentId = parent?.Id;
    }

    public int Id { get; private set; }
    public int? ParentId { get; private set; }
    public Unit? Parent { get; private set; }
    public UnitKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string Path { get; private set; } = "/";
    public int SortOrder { get; set; }
    public bool IsArchived { get; private set; }

    // The national collection form's organization items (2017), kept as the template names them.
    public string? SecretaryName { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? OrgCategory { get; set; }
    public string? EmployerSituation { get; set; }
    public string? EmployerName { get; set; }
    public string? EmployerCategory { get; set; }
    public string? EmployerOrgSetup { get; set; }
    public string? EmployerCreditCode { get; set; }

    /// <summary>Street → Community → Branch → PartyGroup, one level at a time.</summary>
    public static bool CanContain(UnitKind parent, UnitKind child) => child == parent + 1;

    /// <summary>Computes the path once the id is known (after the first save).</summary>
    public void AssignPath() => Path = (Parent?.Path ?? "/") + Id + "/";

    public void Rename(string name) => Name = name.Trim();

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    public bool IsWithin(string scopePath) => Path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>The ids a path is made of, the street first: "/1/5/12/" is unit 12 and the units above it.</summary>
    public static IReadOnlyList<int> IdsOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Moves this unit under <paramref name="newParent"/>; the caller rewrites the paths of descendants
    /// with <see cref="Rebase"/>.</summary>
    public string MoveTo(Unit newParent)
    {
        if (!CanContain(newParent.Kind, Kind))
        {
            throw new InvalidOperationException($"A {Kind} cannot sit under a {newParent.Kind}.");
        }
        if (newParent.IsWithin(Path))
        {
            throw new InvalidOperationException("A unit cannot move under itself.");
        }
        var oldPath = Path;
        Parent = newParent;
        ParentId = newParent.Id;
        Path = newParent.Path + Id + "/";
        return oldPath;
    }

    public void Rebase(string oldPrefix, string newPrefix) => Path = newPrefix + Path[oldPrefix.Length..];
}
