using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Members;

/// <summary>Names the units of one subtree the way the roster workbook's 所在党支部 column does. Names repeat
/// (every community has a 第一党支部), so a unit may be written with its parents, "七里墩社区党委/第一党支部"; the export
/// writes the shortest such name that is unique in the subtree, and the import accepts any unique one.</summary>
public sealed class UnitNames
{
    public abstract record Resolution;

    public sealed record Found(Unit Unit) : Resolution;

    public sealed record Unknown : Resolution;

    public sealed record Ambiguous(int Count, string Example) : Resolution;

    /// <summary>A national-style name (中共…支部委员会, 第一党支部) that fits several units, named the way the export names them.</summary>
    public sealed record Candidates(IReadOnlyList<string> Names) : Resolution;

    private static readonly char[] Separators = ['/', '／', '\\'];

    private readonly Dictionary<int, Unit> _byId;
    private readonly ILookup<string, Unit> _byName;
    private readonly Dictionary<string, Resolution> _resolved = [];
    private readonly Dictionary<int, string> _written = [];
    private OrganizationNameForms? _forms;

    /// <param name="subtree">The units under (and including) <paramref name="root"/>.</param>
    public UnitNames(Unit root, IEnumerable<Unit> subtree)
    {
        Root = root;
        _byId = subtree.Where(u => u.IsWithin(root.Path)).ToDictionary(u => u.Id);
        _byName = _byId.Values.ToLookup(u => u.Name);
    }

    public Unit Root { get; }

    /// <summary>The names of the subtree of <paramref name="unitId"/>, or of the caller's own unit; null when that unit is
    /// outside the caller's scope (the command line acts as <c>cli</c> over the whole tree and names its unit).</summary>
    public static async Task<UnitNames?> LoadAsync(JishiDbContext db, CurrentUser user, int? unitId, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var root = unitId is { } id ? await db.Units.AsNoTracking().Within(scope).FirstOrDefaultAsync(u => u.Id == id, ct)
            : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Path == scope, ct);
        if (root is null)
        {
            return null;
        }
        var subtree = await db.Units.AsNoTracking().Within(root.Path).ToListAsync(ct);
        return new UnitNames(subtree.Single(u => u.Id == root.Id), subtree);
    }

    public IEnumerable<Unit> Units => _byId.Values.OrderBy(u => u.Path, StringComparer.Ordinal);

    public Resolution Resolve(string text)
    {
        if (_resolved.TryGetValue(text, out var known))
        {
            return known;
        }
        var segments = text.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // A whole name wins over a path, for a unit whose own name holds a slash.
        var candidates = _byName[text].ToList() is { Count: > 0 } exact ? exact
            : segments.Length == 0 ? []
            : _byName[segments[^1]].Where(u => EndsWith(Chain(u), segments)).ToList();
        Resolution result = candidates switch
        {
            [var one] => new Found(one),
            [] => ByForm(text),
            _ => new Ambiguous(candidates.Count, NameOf(candidates[0].Id)),
        };
        return _resolved[text] = result;
    }

    /// <summary>A name that is no unit's own, matched as the national system writes names (see <see cref="OrganizationNameForms"/>).</summary>
    private Resolution ByForm(string text)
    {
        _forms ??= new OrganizationNameForms(_byId.Values.Select(u => new OrganizationNameForms.Candidate(u.Id, u.Name, Chain(u).SkipLast(1).ToList())));
        return _forms.Match(text) switch
        {
            [var one] => new Found(_byId[one]),
            [] => new Unknown(),
            var several => new Candidates(several.Select(NameOf).Order(StringComparer.Ordinal).ToList()),
        };
    }

    /// <summary>The shortest name, counted from the unit upwards, that resolves to exactly this unit.</summary>
    public string NameOf(int unitId)
    {
        if (_written.TryGetValue(unitId, out var written))
        {
            return written;
        }
        if (!_byId.ContainsKey(unitId))
        {
            throw new ArgumentOutOfRangeException(nameof(unitId), "The unit is outside the subtree.");
        }
        var chain = Chain(_byId[unitId]);
        var name = string.Join("/", chain);
        for (var take = 1; take < chain.Count; take++)
        {
            var candidate = chain.Skip(chain.Count - take).ToList();
            if (_byName[candidate[^1]].Count(u => EndsWith(Chain(u), candidate)) == 1)
            {
                name = string.Join("/", candidate);
                break;
            }
        }
        return _written[unitId] = name;
    }

    /// <summary>The names from the root down to the unit.</summary>
    private List<string> Chain(Unit unit)
    {
        var names = new List<string>();
        for (Unit? u = unit; u is not null; u = u.Id == Root.Id || u.ParentId is not { } parent ? null : _byId.GetValueOrDefault(parent))
        {
            names.Add(u.Name);
        }
        names.Reverse();
        return names;
    }

    private static bool EndsWith(List<string> chain, IReadOnlyList<string> tail) =>
        chain.Count >= tail.Count && tail.Select((name, i) => chain[chain.Count - tail.Count + i] == name).All(same => same);
}
