namespace Jishi.Web.Features.Members;

/// <summary>Matches the name of a party organization as the national system writes it (中共东岗社区第一支部委员会) with the
/// name a unit has in Jishi (第一党支部 under 东岗社区党委). Both are brought to one form: 中共 and 中国共产党 dropped,
/// the organ words made one (支部委员会 / 党支部 → 支部, 总支部委员会 / 党总支 → 总支, 委员会 / 党委 → 委, 党小组 → 小组),
/// and a leading name of an ancestor (东岗社区, 东岗街道) taken off; a name that carried such a prefix matches only units
/// under that ancestor.</summary>
public sealed class OrganizationNameForms
{
    /// <summary>A unit to match: its id, its name and the names of its ancestors.</summary>
    public sealed record Candidate(int Id, string Name, IReadOnlyList<string> Ancestors);

    private static readonly (string From, string To)[] OrganWords =
    [
        ("总支部委员会", "总支"), ("党总支部", "总支"), ("党总支", "总支"), ("总支部", "总支"),
        ("支部委员会", "支部"), ("党支部", "支部"),
        ("党小组", "小组"),
        ("党工作委员会", "工委"), ("工作委员会", "工委"), ("党工委", "工委"),
        ("委员会", "委"), ("党委", "委"),
    ];

    private static readonly string[] Parties = ["中国共产党", "中共"];

    private static readonly string[] TrailingOrgans = ["工委", "总支", "支部", "小组", "委"];

    private readonly List<(Candidate Unit, string Own, string Short, HashSet<string> Cores)> _units;
    private readonly string[] _cores;

    public OrganizationNameForms(IEnumerable<Candidate> units)
    {
        _units = units.Select(u =>
        {
            var cores = u.Ancestors.Select(Core).Where(c => c.Length > 0).ToHashSet();
            var own = Normalize(u.Name);
            return (u, own, Strip(own, cores).Remainder, cores);
        }).ToList();
        _cores = _units.SelectMany(u => u.Cores).Distinct().ToArray();
    }

    /// <summary>The ids of the units <paramref name="text"/> can name: none, one, or several when it is ambiguous.</summary>
    public IReadOnlyList<int> Match(string text)
    {
        var form = Normalize(text);
        var (prefixes, rest) = Strip(form, _cores);
        return _units.Where(u => u.Own == form
                || (rest.Length > 0 && (u.Short == rest || u.Own == rest) && prefixes.All(u.Cores.Contains)))
            .Select(u => u.Unit.Id).ToList();
    }

    /// <summary>The one form of a name: no spaces, no party prefix, the organ words made one.</summary>
    public static string Normalize(string name)
    {
        var s = new string(name.Where(c => !char.IsWhiteSpace(c)).ToArray());
        foreach (var party in Parties)
        {
            if (s.StartsWith(party, StringComparison.Ordinal))
            {
                s = s[party.Length..];
                break;
            }
        }
        foreach (var (from, to) in OrganWords)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }
        return s;
    }

    /// <summary>A name without its organ word at the end: 东岗社区党委 → 东岗社区, the prefix its units' names may carry.</summary>
    public static string Core(string name)
    {
        var form = Normalize(name);
        return TrailingOrgans.FirstOrDefault(o => form.EndsWith(o, StringComparison.Ordinal) && form.Length > o.Length) is { } organ
            ? form[..^organ.Length] : form;
    }

    /// <summary>Takes leading ancestor names off, longest first, as long as something is left.</summary>
    private static (List<string> Prefixes, string Remainder) Strip(string form, IEnumerable<string> cores)
    {
        var ordered = cores.OrderByDescending(c => c.Length).ToList();
        var prefixes = new List<string>();
        for (var stripped = true; stripped;)
        {
            stripped = false;
            if (ordered.FirstOrDefault(c => form.Length > c.Length && form.StartsWith(c, StringComparison.Ordinal)) is { } core)
            {
                prefixes.Add(core);
                form = form[core.Length..];
                stripped = true;
            }
        }
        return (prefixes, form);
    }
}
