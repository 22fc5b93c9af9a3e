namespace Jishi.Web.Features.Members;

/// <summary>What a roster's header row says about its columns: those Jishi reads (by index), those it keeps with each
/// member as extra fields (a header it has no field for), and those it does not read (a 序号 column, a second column
/// of one header), so that no column is dropped without a word.</summary>
public sealed class RosterHeader
{
    private RosterHeader(Dictionary<int, MemberExcelColumn> known, Dictionary<int, string> extra, Dictionary<int, string> skipped)
    {
        Known = known;
        Extra = extra;
        Skipped = skipped;
    }

    public IReadOnlyDictionary<int, MemberExcelColumn> Known { get; }

    /// <summary>Headers Jishi has no field for, by column index: kept with the member under that name.</summary>
    public IReadOnlyDictionary<int, string> Extra { get; }

    /// <summary>Columns whose values are not read, by column index, with the header they have.</summary>
    public IReadOnlyDictionary<int, string> Skipped { get; }

    /// <summary>True when the row names every column a roster must have.</summary>
    public bool IsComplete => MemberExcelColumns.All.Where(c => c.Required).All(Known.Values.Contains);

    public IEnumerable<int> ReadColumns => Known.Keys.Concat(Extra.Keys);

    public static RosterHeader Of(object?[] cells)
    {
        var known = new Dictionary<int, MemberExcelColumn>();
        var extra = new Dictionary<int, string>();
        var skipped = new Dictionary<int, string>();
        for (var i = 0; i < cells.Length; i++)
        {
            var header = cells[i] is string s ? s.Trim() : cells[i]?.ToString();
            if (MemberExcelColumns.Bare(header) is not { } bare)
            {
                continue;
            }
            if (MemberExcelColumns.Match(header) is { } column)
            {
                if (known.ContainsValue(column))
                {
                    skipped[i] = header!;
                }
                else
                {
                    known[i] = column;
                }
            }
            else if (bare == MemberExcelColumns.RowNumberHeader || extra.ContainsValue(header!))
            {
                skipped[i] = header!;
            }
            else
            {
                extra[i] = header!;
            }
        }
        return new RosterHeader(known, extra, skipped);
    }
}
