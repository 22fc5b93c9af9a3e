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

    /// <summary>The district (区) a street belongs to, printed above the street's name on its sheets; streets only.</summary>
    public string? District { get; private set; }

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

    /// <summary>The value of one item of the national layout (the parent's name is the tree's, not the unit's).</summary>
    public string? ItemOf(OrgColumn column) => column switch
    {
        OrgColumn.Name => Name,
        OrgColumn.Secretary => SecretaryName,
        OrgColumn.Contact => ContactName,
        OrgColumn.Phone => ContactPhone,
        OrgColumn.Category => OrgCategory,
        OrgColumn.EmployerSituation => EmployerSituation,
        OrgColumn.EmployerName => EmployerName,
        OrgColumn.EmployerCategory => EmployerCategory,
        OrgColumn.EmployerOrgSetup => EmployerOrgSetup,
        OrgColumn.CreditCode => EmployerCreditCode,
        _ => null,
    };

    /// <summary>Sets the items other than the name: each given column's value, blank as null.</summary>
    public void SetItems(IReadOnlyDictionary<OrgColumn, string?> items)
    {
        foreach (var (column, raw) in items)
        {
            var value = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            switch (column)
            {
                case OrgColumn.Secretary: SecretaryName = value; break;
                case OrgColumn.Contact: ContactName = value; break;
                case OrgColumn.Phone: ContactPhone = value; break;
                case OrgColumn.Category: OrgCategory = value; break;
                case OrgColumn.EmployerSituation: EmployerSituation = value; break;
                case OrgColumn.EmployerName: EmployerName = value; break;
                case OrgColumn.EmployerCategory: EmployerCategory = value; break;
                case OrgColumn.EmployerOrgSetup: EmployerOrgSetup = value; break;
                case OrgColumn.CreditCode: EmployerCreditCode = value?.ToUpperInvariant(); break;
                default: throw new ArgumentOutOfRangeException(nameof(items), column, "The name and the parent are not items.");
            }
        }
    }

    /// <summary>Street → Community → Branch → PartyGroup, one level at a time.</summary>
    public static bool CanContain(UnitKind parent, UnitKind child) => child == parent + 1;

    /// <summary>Computes the path once the id is known (after the first save).</summary>
    public void AssignPath() => Path = (Parent?.Path ?? "/") + Id + "/";

    public void Rename(string name) => Name = name.Trim();

    public const int MaxName = 100;
    public const int MaxDistrict = 50;

    /// <summary>Names a street and its district; a community or branch has no district of its own.</summary>
    public void NameStreet(string name, string district)
    {
        if (Kind != UnitKind.Street)
        {
            throw new InvalidOperationException("Only a street has a district.");
        }
        Rename(name);
        District = district.Trim();
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    public bool IsWithin(string scopePath) => UnitScope.Sees(scopePath, Path);

    /// <summary>The ids a path is made of, the street first: "/1/5/12/" is unit 12 and the units above it.</summary>
    public static IReadOnlyList<int> IdsOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The street of a unit: the first id of its path ("/1/5/12/" → 1).</summary>
    public static int StreetOf(string path) =>
        int.Parse(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);

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
