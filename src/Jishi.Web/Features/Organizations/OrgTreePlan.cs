namespace Jishi.Web.Features.Organizations;

/// <summary>The tree an organization list describes, or why it cannot be built. Each row goes under the unit the import
/// targets when its 上级党组织名称 is blank, otherwise under the one organization of that name among the rows or the
/// units already in the target's subtree; its kind follows from its depth. Rows may come in any order.</summary>
public static class OrgTreePlan
{
    /// <summary>One data row: its number as Excel shows it and its non-blank cells.</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<OrgColumn, string> Cells)
    {
        public string? this[OrgColumn column] => Cells.GetValueOrDefault(column);
    }

    /// <summary>A unit already in the target's subtree (the target included).</summary>
    public sealed record Existing(int Id, int? ParentId, string Name, UnitKind Kind);

    /// <summary>A unit to create: under the row <paramref name="ParentRow"/> (an index into the rows) or the existing unit
    /// <paramref name="ParentUnitId"/>.</summary>
    public sealed record Node(Row Row, int? ParentRow, int? ParentUnitId, UnitKind Kind);

    /// <summary>A reason the list is refused: a resource code and its arguments, for one cell.</summary>
    public sealed record Problem(int Row, OrgColumn Column, string Code, params object[] Args);

    public sealed record Outcome(IReadOnlyList<Node> Nodes, IReadOnlyList<Problem> Problems);

    private abstract record Parent;

    private sealed record RowParent(int Index) : Parent;

    private sealed record UnitParent(Existing Unit) : Parent;

    /// <summary>The nodes, parents before children, or every problem of the list (then no nodes).</summary>
    public static Outcome Build(IReadOnlyList<Row> rows, Existing target, IReadOnlyList<Existing> subtree)
    {
        var problems = new List<Problem>();
        foreach (var row in rows)
        {
            CheckCells(row, problems);
        }
        var rowsByName = rows.Select((r, i) => (r, i)).Where(x => x.r[OrgColumn.Name] is not null).ToLookup(x => x.r[OrgColumn.Name]!, x => x.i);
        var unitsByName = subtree.ToLookup(u => u.Name);
        var parents = new Parent?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            parents[i] = ResolveParent(rows[i], target, rowsByName, unitsByName, problems);
        }
        var kinds = new UnitKind?[rows.Count];
        var state = new int[rows.Count]; // 0 unvisited, 1 on the current path, 2 done
        for (var i = 0; i < rows.Count; i++)
        {
            KindOf(i, rows, parents, kinds, state, new List<int>(), problems);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (kinds[i] is { } kind && rows[i][OrgColumn.Category] is { } category && OrgCategories.IsKnown(category)
                && !OrgCategories.Allows(kind, category))
            {
                problems.Add(new Problem(rows[i].Number, OrgColumn.Category, "OrgImport.CategoryLevel", category, "UnitKind." + kind));
            }
        }
        FindDuplicates(rows, parents, subtree, problems);
        if (problems.Count > 0)
        {
            return new Outcome([], problems.OrderBy(p => p.Row).ThenBy(p => p.Column).ToList());
        }
        var nodes = rows.Select((row, i) => (row, i)).OrderBy(x => kinds[x.i]).ThenBy(x => x.row.Number)
            .Select(x => new Node(x.row, (parents[x.i] as RowParent)?.Index, (parents[x.i] as UnitParent)?.Unit.Id, kinds[x.i]!.Value))
            .ToList();
        return new Outcome(nodes, []);
    }

    private static void CheckCells(Row row, List<Problem> problems)
    {
        if (row[OrgColumn.Name] is null)
        {
            problems.Add(new Problem(row.Number, OrgColumn.Name, "OrgImport.NameRequired"));
        }
        if (row[OrgColumn.Category] is { } category && !OrgCategories.IsKnown(category))
        {
            problems.Add(new Problem(row.Number, OrgColumn.Category, "OrgImport.UnknownCategory", category, string.Join("、", OrgCategories.All)));
        }
        if (row[OrgColumn.CreditCode] is { } code && !CreditCode.IsValid(code))
        {
            problems.Add(new Problem(row.Number, OrgColumn.CreditCode, "OrgImport.BadCreditCode", code));
        }
    }

    private static Parent? ResolveParent(Row row, Existing target, ILookup<string, int> rowsByName, ILookup<string, Existing> unitsByName,
        List<Problem> problems)
    {
        if (row[OrgColumn.ParentName] is not { } name)
        {
            return new UnitParent(target);
        }
        var candidates = rowsByName[name].Select(i => (Parent)new RowParent(i)).Concat(unitsByName[name].Select(u => new UnitParent(u))).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        problems.Add(new Problem(row.Number, OrgColumn.ParentName, candidates.Count == 0 ? "OrgImport.UnknownParent" : "OrgImport.AmbiguousParent", name));
        return null;
    }

    /// <summary>The kind of row <paramref name="i"/> from its parent's, walking up the rows; a walk that comes back to a
    /// row on its own path is a cycle, reported on every row of it. A row whose parent failed gets no kind and no
    /// problem of its own: the parent's row says what is wrong.</summary>
    private static UnitKind? KindOf(int i, IReadOnlyList<Row> rows, Parent?[] parents, UnitKind?[] kinds, int[] state, List<int> path,
        List<Problem> problems)
    {
        if (state[i] == 2)
        {
            return kinds[i];
        }
        if (state[i] == 1)
        {
            var cycle = path[path.IndexOf(i)..];
            var names = string.Join(" → ", cycle.Append(i).Select(c => rows[c][OrgColumn.Name]));
            foreach (var member in cycle)
            {
                problems.Add(new Problem(rows[member].Number, OrgColumn.ParentName, "OrgImport.Cycle", names));
                state[member] = 2;
            }
            return null;
        }
        state[i] = 1;
        path.Add(i);
        var parentKind = parents[i] switch
        {
            UnitParent u => u.Unit.Kind,
            RowParent r => KindOf(r.Index, rows, parents, kinds, state, path, problems),
            _ => null,
        };
        path.RemoveAt(path.Count - 1);
        if (state[i] == 2)
        {
            return null; // reported as part of a cycle
        }
        state[i] = 2;
        if (parentKind is not { } kind)
        {
            return null;
        }
        if (kind >= UnitKind.PartyGroup)
        {
            problems.Add(new Problem(rows[i].Number, OrgColumn.ParentName, "OrgImport.TooDeep", rows[i][OrgColumn.ParentName] ?? "", "UnitKind." + kind));
            return null;
        }
        return kinds[i] = kind + 1;
    }

    /// <summary>Two rows of one name under one parent, or a row named as a unit already under its parent.</summary>
    private static void FindDuplicates(IReadOnlyList<Row> rows, Parent?[] parents, IReadOnlyList<Existing> subtree, List<Problem> problems)
    {
        var seen = new Dictionary<(Parent, string), Row>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (parents[i] is not { } parent || rows[i][OrgColumn.Name] is not { } name)
            {
                continue;
            }
            if (seen.TryGetValue((parent, name), out var first))
            {
                problems.Add(new Problem(rows[i].Number, OrgColumn.Name, "OrgImport.DuplicateName", name, first.Number));
            }
            else if (parent is UnitParent u && subtree.Any(e => e.ParentId == u.Unit.Id && e.Name == name))
            {
                problems.Add(new Problem(rows[i].Number, OrgColumn.Name, "OrgImport.AlreadyThere", name, u.Unit.Name));
            }
            else
            {
                seen[(parent, name)] = rows[i];
            }
        }
    }
}
